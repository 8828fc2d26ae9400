"""Names that frameworks call by name, for vulture (`make lint`; settings in pyproject.toml).

Rasa's action classes and their ``validate_<slot>`` methods, Flask's decorated views and
pytest's marks and hooks are left out by pattern in pyproject.toml; what is below is called
by Rasa, the standard library, SQLAlchemy or a test double's dispatch, not by our code.
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Rasa: components and policies named in config.yml, endpoints.yml and credentials.yml, and
# the methods and keyword parameters its interfaces call them with.
_.SafetyPolicy
_.get_default_config
_.predict_action_probabilities
_.training_trackers
_.rule_only_data
_.create
_.process_training_data
_.model_storage
_.resource
_.execution_context
_.StudentRestInput
_.blueprint
_.AtomicRedisLockStore
_.update_lock
_.lock_lifetime
_.get_validation_events  # rasa_sdk's FormValidationAction
_.VariedResponses  # the NLG in endpoints.yml
_.start_liveness  # a Sanic listener of the REST channel's blueprint

# The standard library's http.server and socketserver.
_.do_GET
_.do_POST
_.log_message
_.daemon_threads

# Attributes that a library reads: SQLAlchemy's engine, psycopg's connection, Flask's session
# and request globals.
_.hide_parameters
_.autocommit
_.permanent
_.new_student_cookie

# SQLAlchemy maps these columns and relationships; the reflection's fields are read and written
# by name (bot/lemniscate.py).
_.coach_notes
_.what_happened
_.other_situations
_.common_thread
_.qualities
_.to_learn
_.motives

# The fake Telegram Bot API in tests answers a method by its name.
_._getMe
_._setMyCommands
_._getMyCommands
_._getUpdates
_._sendMessage
_._sendDocument
_._editMessageText
