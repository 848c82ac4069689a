"""Stage 1, load: read data/ strictly into one Dataset (values, positions, citations).

dataset = load(DATA)   →   validate(dataset)   →   render   →   site
"""

from .dataset import Dataset, load
from .files import FILES

__all__ = ["Dataset", "FILES", "load"]
