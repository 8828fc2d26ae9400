"""Rasa's own command line (`rasa run`, `rasa train`, `rasa test`), started faster.

skops (which Rasa's LogisticRegressionClassifier loads and saves with) works out, when it is
first imported, which module holds each of numpy's and scipy's ufuncs, by looking through every
module in ``sys.modules`` for each of them. Rasa imports it only when it loads the model, after
TensorFlow has filled ``sys.modules`` with some 6,000 modules: that import took 6 s of every
Rasa start and training here, and 1.7 s when skops comes first. Our model files hold no ufuncs,
so where a name is found does not matter to them (the e2e tests load the model this way).
"""

from __future__ import annotations

from bot.ops.startup_priority import lower_while_loading

# A restarting replica loads at a lower CPU priority (bot/ops/startup_priority.py); the REST
# channel sets it back once the server answers.
lower_while_loading()

import skops.io  # noqa: E402, F401  - before TensorFlow (see above)
from rasa.__main__ import main  # noqa: E402

if __name__ == "__main__":
    main()
