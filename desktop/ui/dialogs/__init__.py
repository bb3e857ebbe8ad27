"""Dialogs that ask for something and return it through an `ask()` classmethod."""
