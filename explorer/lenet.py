"""``python -m explorer.lenet``: train the Network page's default on the bundled digits (``test accuracy: 0.xx``)."""
from explorer.network.__main__ import main

if __name__ == "__main__":
    main()
