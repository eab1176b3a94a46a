"""Exhibit kiosk: an offline, full-screen museum kiosk driven by a content pack."""

__version__ = "0.1.0"
