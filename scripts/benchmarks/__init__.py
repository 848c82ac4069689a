"""The benchmark's parts: timing, the mkdocs-static-i18n yardstick, synthetic data, the browser."""
