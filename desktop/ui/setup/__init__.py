"""The setup wizard's pages (desktop/ui/setup_wizard.py puts them together)."""
