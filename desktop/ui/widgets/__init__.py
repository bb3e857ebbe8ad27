"""Reusable widgets: the header strip, the worklist view."""
