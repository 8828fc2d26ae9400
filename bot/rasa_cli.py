"""Rasa's own command line (`rasa run`, `rasa train`, `rasa test`), started faster.

skops (which Rasa's LogisticRegressionClassifier loads and saves with) works out, when it is
first imported, which module holds each of numpy's and scipy's ufuncs, by looking through every
module in ``sys.modules`` for each of them. Rasa imports it only when it loads the model, after
TensorFlow has filled ``sys.modules`` with some 6,000 modules: that import took 6 s of every
Rasa start and training here, and 1.7 s when skops comes first. Our model files hold no ufuncs,
so where a name is found does not matter to them (the e2e tests load the model this way).
"""

from __future__ import annotations

import skops.io  # noqa: F401  - before TensorFlow (see above)
from rasa.__main__ import main

if __name__ == "__main__":
    main()
