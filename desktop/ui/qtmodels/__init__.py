"""Qt item models over service dataclasses."""
