"""A YAML composer mixin that notes anchors, aliases and explicit tags (data files refuse them)."""

from __future__ import annotations

import yaml


class Noting:
    """A composer that notes anchors, aliases and explicit tags while it composes."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.forbidden.append((event, f"alias '*{event.anchor}'"))
        else:
            if getattr(event, "anchor", None) is not None:
                self.forbidden.append((event, f"anchor '&{event.anchor}'"))
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":
                self.forbidden.append((event, f"tag '{tag.replace('tag:yaml.org,2002:', '!!')}'"))
        return super().compose_node(parent, index)
