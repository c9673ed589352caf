"""Exceptions of the core that carry a user-facing, translatable message."""
from __future__ import annotations

from typing import Any


class HotspotError(Exception):
    """An error a GIS officer can act on.

    ``template`` is an English text marked with ``N_()``; ``params`` fill its
    ``{name}`` placeholders after translation.
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.render())

    def render(self, translate=None) -> str:
        """The message, translated by *translate* (a ``str -> str`` callable) if given."""
        text = translate(self.template) if translate else self.template
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.params)


class InputError(HotspotError):
    """The input (parameters, data) cannot be used as given."""


class Canceled(HotspotError):
    """The user cancelled the run."""

    def __init__(self) -> None:
        super().__init__("Cancelled by the user.")
