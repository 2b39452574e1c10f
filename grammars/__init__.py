"""Lark grammars of govdoc, shipped as package data (loaded with Lark.open_from_package)."""
