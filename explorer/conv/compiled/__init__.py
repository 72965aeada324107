"""The opt-in compiled loop (``CNN_EXPLORER_COMPILE=on``): small kernels as one loop torch compiles, checked and
timed against the other paths before it is used (:mod:`explorer.conv.compiled.stencil`). Nothing here runs, and no
compiler is looked for, unless it is switched on."""
