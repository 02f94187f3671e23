"""Tawthiq core: every rule about the data, with no Qt at all."""
