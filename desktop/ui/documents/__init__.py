"""Issued documents on screen: viewing, printing to a system printer, saving, verification."""
