"""Pure-Python core: the IKI model, formulas, capaian, rules, the submission's tables.
No Excel I/O here (a test holds it so)."""
