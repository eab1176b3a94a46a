"""The visitor interface: Qt Quick views over the content model. The only package that imports Qt."""

from kiosk.ui import qtstart as _qtstart  # noqa: F401  (first: loads PySide6 without its source scan)
