"""Each page's session-state keys and their first values, named in one place: one module per page, and ``shared``
for the keys several pages (or the shell) read and write.

A key is also its setting's name in a shared link (``?lang=zh``, ``kernel.preset=gaussian_blur``): the values of
these constants are never changed, or sessions and old links stop finding their settings.
"""
