"""CNN Explorer: the UI-free core (ops, kernels, imaging, i18n, reference loops)."""
