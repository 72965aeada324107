"""The fast convolution engine behind :mod:`explorer.ops` (private: only ``ops``, ``bench`` and ``benchmarks/``
import it; ``tests/test_architecture.py`` holds that rule).

- :mod:`~explorer.conv.strategies`: the paths (direct, separable, FFT, lanes, the compiled loop) and the plan of
  one call;
- :mod:`~explorer.conv.lanes`: a row's neighbouring outputs as channels, for one-channel images;
- :mod:`~explorer.conv.borders`: the border frame in every padding mode, from thin padded strips;
- :mod:`~explorer.conv.buffers`: large outputs in NumPy-owned, recycled memory;
- :mod:`~explorer.conv.calibration`: this machine's crossovers, measured when the bench asks, read by the app;
- :mod:`~explorer.conv.compiled`: small kernels as one loop torch compiles (opt-in, ``CNN_EXPLORER_COMPILE=on``).
"""
