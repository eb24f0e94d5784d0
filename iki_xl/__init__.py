"""iki-xl: Excel-native tooling for Indikator Kinerja Individu (IKI)."""

__version__ = "0.1.0"
