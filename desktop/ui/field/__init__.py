"""Field packages (kejar bola offline): taking a case out, bringing it back, its conflicts, field mode."""
