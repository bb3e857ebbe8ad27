"""The Qt user interface. It calls desktop.services only, never the data layer."""
