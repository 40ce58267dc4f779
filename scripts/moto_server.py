"""moto's server with six changes: DynamoDB transactions that do not copy tables, DynamoDB
queries of a table that read only the partition they name, an EventBridge bus that refuses what
EventBridge refuses, S3 GETs that honour their response overrides, sent e-mails and SMS that carry
the time they were sent, and an endpoint that lists those messages alone.

moto 5.x backs up a whole table, with copy.deepcopy, once per part of every TransactWriteItems
(to undo a cancelled one), so a transaction costs time in proportion to the table's size times its
parts. The task writes of the PM function have 15 to 80 parts, and the local runtime's table grows
with every request: after a few thousand requests each write took seconds.

Here every part's condition is checked first, against the table as it is; a transaction with a
failed condition is cancelled with the same reasons moto gives, before anything is written (so no
stream record of a write that never happened either). Only a transaction whose conditions all hold
reaches moto's own code, which then writes it without the backups. A part that fails for another
reason while writing (a malformed update expression) would stay half-applied: our code sends none.

Transactions also run one at a time, as DynamoDB's are indivisible (moto's threaded server would
otherwise let two check the same condition before either writes).

moto 5.x answers a Query of a table (not of an index) by sorting every item of the table and then
keeping the partition's: a Query costs time in proportion to the table's size, and a test whose
table grows (200 workflow executions, each event one Query of its execution) slows down as it goes.
Here, while moto runs such a Query, the table's items are the named partition's only, sorted as
moto sorts them; the answer is the same. An index Query must look at every item, but moto sorts
what it found by the index's keys afterwards, so here the table's items reach it unsorted: one pass
instead of a sort of the whole table first.

EventBridge's PutEvents takes at most 10 entries (moto already refuses an 11th with AWS's
ValidationException) whose sizes total at most 256 KB, by AWS's rule ("Calculating PutEvents event
entry size": Time counts 14 bytes when set; Source, DetailType, Detail and each of Resources count
their UTF-8 bytes). moto accepts any size, so a publisher that sends too much would pass every
local test and fail on AWS. Here a request over 256 KB is refused as a whole, before any entry is
delivered, with the ValidationException AWS gives ("Total size of the entries in the request is
over the limit.").

S3's GetObject answers with the headers a request's response overrides name
(`response-content-disposition`, `response-content-type`, ...): presigned download URLs carry them,
so that a browser saves a file under its own name (a share link's download). moto 5.2.1 ignores
them and a browser shows the file instead. Here a successful GET of an object applies them, as S3
does.

SES keeps every e-mail it sent (`ses_backend.sent_messages`: a `Message` for simple content, a
`RawMessage`, a `TemplateMessage`; SES v2's SendEmail lands there too) and SNS every SMS it sent
(`sns_backend.sms_message_objects`, `SMS`), and moto's `GET /moto-api/data.json` shows them, but
none says when it was sent. The local runtime's `GET /local/messages` lists the platform's messages
newest first from what SES and SNS keep (a person reads a verification code in it), so here each of
those objects gets a `sent_at` when it is made: ISO-8601 UTC with milliseconds and a `Z`
(`2026-12-04T10:15:30.123Z`), which /local/messages passes on as the message's `sent_at`. data.json
shows every public attribute that is JSON, so `sent_at` with the rest. (`BulkTemplateMessage` is
only moto's answer to SendBulkTemplatedEmail; what it sent is a `TemplateMessage`, which gets one.)

data.json, though, dumps every object moto holds (every DynamoDB item, every stream record), and
/local/messages read it on each request: 0.35 to 0.55 s once `make test`'s shared moto holds 12,000
objects, and more as it grows, while a test polls /local/messages (at 6,000 DynamoDB items: 195 ms,
against 2 ms for what follows). So here moto's server also answers
`GET /moto-api/coditect/sent-messages` (SENT_MESSAGES_PATH) with those messages only, read from
where SES and SNS keep them in every account and region (`ses_backends`' `sent_messages`,
`sns_backends`' `sms_message_objects`): `{"emails": [...], "sms": [...]}`, an e-mail as
`{"content": "simple", "destinations", "subject", "body", "sent_at"}`, `{"content": "raw",
"destinations", "raw_data", "sent_at"}` or `{"content": "template", "destinations", "template",
"template_data", "sent_at"}` (`destinations` as moto keeps it: SES's Destination mapping, a list of
addresses for a raw e-mail, a list of `{"Destination": ...}` for a bulk one), an SMS as
`{"phone_number", "message", "sent_at"}`; each list in the order SES or SNS sent them, account by
account and region by region. The path is added to moto's own moto-api routes
(`moto.moto_api._internal.urls.url_paths`, from which moto's server builds its /moto-api app when
the first /moto-api request comes), before moto's server starts. It only reads; any other method is
refused with 405.

Used by scripts/moto-server; everything else is moto unchanged.

The changes replace moto internals, so the script runs only on the moto version it was written
for (EXPECTED_MOTO_VERSION; scripts/tools.sh installs it into .venv when the moto on PATH is
another) and checks that what it patches looks as it did. Anything else stops it with a message
naming the expected version and what differs: it never serves with moto's unpatched behaviour.
"""
import copy
import datetime
import inspect
import json
import sys
import threading

EXPECTED_MOTO_VERSION = "5.2.1"


def _refuse(difference):
    sys.exit(
        f"scripts/moto_server.py patches moto {EXPECTED_MOTO_VERSION}'s internals and will not run: {difference}. "
        f"Install moto[server]=={EXPECTED_MOTO_VERSION} (scripts/tools.sh does, into .venv) "
        "or update the script for the new internals."
    )


try:
    import moto
except ImportError:
    _refuse("moto is not installed for " + sys.executable)
if getattr(moto, "__version__", None) != EXPECTED_MOTO_VERSION:
    _refuse(f"this is moto {getattr(moto, '__version__', '(no version)')} from {getattr(moto, '__file__', '?')}")

try:
    from moto.core.common_models import BaseModel
    from moto.core.exceptions import JsonRESTError
    from moto.dynamodb import models as dynamodb_models
    from moto.dynamodb.comparisons import get_filter_expression
    from moto.dynamodb.exceptions import (
        ConditionalCheckFailed,
        MultipleTransactionsException,
        TransactionCanceledException,
    )
    from moto.dynamodb.models.table import Table
    from moto.events import models as events_models
    from moto.events.exceptions import ValidationException
    from moto.moto_api._internal import urls as moto_api_urls
    from moto.s3 import responses as s3_responses
    from moto.ses import models as ses_models
    from moto.sns import models as sns_models
except ImportError as e:
    _refuse(f"moto has no {e.name or e} ({e})")


# What SES and SNS keep of a sent message (the module, the class), each of which gets a `sent_at`.
SENT_MESSAGE_CLASSES = (
    (ses_models, "Message"),
    (ses_models, "RawMessage"),
    (ses_models, "TemplateMessage"),
    (sns_models, "SMS"),
)

# What the sent-messages endpoint reads of each (the class -> the parameters its __init__ stores).
SENT_MESSAGE_PARAMETERS = {
    "Message": ["self", "message_id", "source", "subject", "body", "destinations"],
    "RawMessage": ["self", "message_id", "source", "destinations", "raw_data"],
    "TemplateMessage": ["self", "message_id", "source", "template", "template_data", "destinations"],
    "SMS": ["self", "message_id", "phone_number", "message"],
}

# Where moto's server answers with the sent e-mails and SMS (a moto-api path: see the docstring).
SENT_MESSAGES_PATH = "/moto-api/coditect/sent-messages"


def _parameters(function):
    return list(inspect.signature(function).parameters)


def _check_internals():
    """What the patches below rely on, as moto EXPECTED_MOTO_VERSION has it; the first difference found, or None."""
    if getattr(dynamodb_models, "copy", None) is not copy:
        return "moto.dynamodb.models no longer uses the copy module (the table backups this script skips)"
    backend = getattr(dynamodb_models, "DynamoDBBackend", None)
    if backend is None or not hasattr(backend, "transact_write_items") or not hasattr(backend, "get_item"):
        return "moto.dynamodb.models.DynamoDBBackend has no transact_write_items or get_item"
    if _parameters(backend.transact_write_items) != ["self", "transact_items"]:
        return f"DynamoDBBackend.transact_write_items takes {_parameters(backend.transact_write_items)}"
    if "copy.deepcopy" not in inspect.getsource(backend.transact_write_items):
        return "DynamoDBBackend.transact_write_items no longer backs tables up with copy.deepcopy"
    if _parameters(backend.get_item)[:3] != ["self", "table_name", "keys"]:
        return f"DynamoDBBackend.get_item takes {_parameters(backend.get_item)}"
    if _parameters(get_filter_expression)[:3] != ["expr", "names", "values"]:
        return f"moto.dynamodb.comparisons.get_filter_expression takes {_parameters(get_filter_expression)}"
    if not hasattr(Table, "query") or not hasattr(Table, "all_items"):
        return "moto.dynamodb.models.table.Table has no query or all_items"
    if _parameters(Table.query)[:2] != ["self", "hash_key"] or "index_name" not in _parameters(Table.query):
        return f"Table.query takes {_parameters(Table.query)}"
    if "self.all_items()" not in inspect.getsource(Table.query):
        return "Table.query no longer reads the table through all_items"
    if _parameters(Table.all_items) != ["self"]:
        return f"Table.all_items takes {_parameters(Table.all_items)}"
    events_backend = getattr(events_models, "EventsBackend", None)
    if events_backend is None or not hasattr(events_backend, "put_events"):
        return "moto.events.models.EventsBackend has no put_events"
    if _parameters(events_backend.put_events) != ["self", "events"]:
        return f"EventsBackend.put_events takes {_parameters(events_backend.put_events)}"
    s3_response = getattr(s3_responses, "S3Response", None)
    if s3_response is None or not hasattr(s3_response, "get_object"):
        return "moto.s3.responses.S3Response has no get_object"
    if _parameters(s3_response.get_object) != ["self"]:
        return f"S3Response.get_object takes {_parameters(s3_response.get_object)}"
    for module, name in SENT_MESSAGE_CLASSES:
        cls = getattr(module, name, None)
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
            # data.json shows BaseModel instances only.
            return f"{module.__name__}.{name} is not a moto BaseModel"
        if "__init__" not in vars(cls):
            return f"{module.__name__}.{name} has no __init__ of its own"
        if _parameters(cls.__init__) != SENT_MESSAGE_PARAMETERS[name]:
            return f"{module.__name__}.{name}.__init__ takes {_parameters(cls.__init__)}"
    for module, backends, backend, store in (
        (ses_models, "ses_backends", "SESBackend", "self.sent_messages"),
        (sns_models, "sns_backends", "SNSBackend", "self.sms_message_objects"),
    ):
        if not hasattr(module, backends):
            return f"{module.__name__} has no {backends}"
        cls = getattr(module, backend, None)
        if not isinstance(cls, type) or store not in inspect.getsource(cls.__init__):
            return f"{module.__name__}.{backend} keeps no {store.removeprefix('self.')}"
    routes = getattr(moto_api_urls, "url_paths", None)
    if not isinstance(routes, dict) or "{0}/moto-api/data.json" not in routes:
        return "moto.moto_api._internal.urls.url_paths no longer routes {0}/moto-api/data.json"
    return None


_difference = _check_internals()
if _difference is not None:
    _refuse(_difference)

_checked = threading.local()
# DynamoDB runs a transaction as one indivisible step; moto's threaded server does not, so two
# concurrent transactions could both pass their checks before either writes. One at a time here.
_transactions = threading.Lock()


class _TableCopies:
    """moto's `copy` module, except that tables are not copied inside an already checked transaction."""

    def __getattr__(self, name):
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value, memo=None):
        if isinstance(value, Table) and getattr(_checked, "active", False):
            return value
        return copy.deepcopy(value, memo)


def _key(backend, op_type, op):
    if op_type == "Put":
        table = backend.get_table(op["TableName"])
        attrs = op["Item"]
        key = {table.hash_key_attr: attrs[table.hash_key_attr]}
        if table.range_key_attr is not None:
            key[table.range_key_attr] = attrs[table.range_key_attr]
        return key
    return op["Key"]


def _failed_conditions(backend, transact_items):
    """moto's cancellation reasons for the transaction, or None when every condition holds."""
    reasons = []
    seen = set()
    for item in transact_items:
        op_type, op = next(iter(item.items()))
        key = _key(backend, op_type, op)
        identity = (str(op["TableName"]), str(dict(sorted(key.items()))))
        if identity in seen:
            raise MultipleTransactionsException()
        seen.add(identity)
        condition = op.get("ConditionExpression")
        if condition is None:
            reasons.append((None, None, None))
            continue
        current = backend.get_item(op["TableName"], key)
        holds = get_filter_expression(
            condition, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
        ).expr(current)
        if holds:
            reasons.append((None, None, None))
        else:
            old = current.to_json()["Attributes"] if current and op.get(
                "ReturnValuesOnConditionCheckFailure") == "ALL_OLD" else None
            reasons.append(("ConditionalCheckFailed", ConditionalCheckFailed().message, old))
    return reasons if any(code is not None for code, _, _ in reasons) else None


_moto_transact_write_items = dynamodb_models.DynamoDBBackend.transact_write_items


def transact_write_items(self, transact_items):
    with _transactions:
        return _checked_transaction(self, transact_items)


def _checked_transaction(self, transact_items):
    try:
        reasons = _failed_conditions(self, transact_items)
    except MultipleTransactionsException:
        raise
    except (JsonRESTError, KeyError):
        # A request DynamoDB refuses (a missing table, a part without its key): moto's own code
        # answers it with the right error. Anything else (an AttributeError or TypeError from
        # changed internals) propagates and fails the request loudly.
        return _moto_transact_write_items(self, transact_items)
    if reasons is not None:
        raise TransactionCanceledException(reasons)
    _checked.active = True
    try:
        return _moto_transact_write_items(self, transact_items)
    finally:
        _checked.active = False


dynamodb_models.copy = _TableCopies()
dynamodb_models.DynamoDBBackend.transact_write_items = transact_write_items

# The partition a Query of a table names, while moto answers it (per thread: the server is threaded).
_partition = threading.local()
_moto_query = Table.query
_moto_all_items = Table.all_items
_query_signature = inspect.signature(_moto_query)


def query(self, *args, **kwargs):
    arguments = _query_signature.bind(self, *args, **kwargs).arguments
    if arguments.get("index_name"):
        _partition.unsorted = True
    elif arguments.get("hash_key") is not None:
        _partition.hash_key = arguments["hash_key"]
    try:
        return _moto_query(self, *args, **kwargs)
    finally:
        _partition.hash_key = None
        _partition.unsorted = False


def all_items(self):
    if getattr(_partition, "unsorted", False):
        # An index Query: moto sorts its results by the index's keys itself.
        items = []
        for hash_set in self.items.values():
            items.extend(hash_set.values() if self.range_key_attr else [hash_set])
        return items
    hash_key = getattr(_partition, "hash_key", None)
    if hash_key is None:
        return _moto_all_items(self)
    partition = self.items.get(hash_key)
    if partition is None:
        return []
    items = list(partition.values()) if self.range_key_attr else [partition]
    # moto's own order (all_items sorts by hash then range key).
    return sorted(items, key=lambda x: (x.hash_key, x.range_key) if x.range_key else x.hash_key)


Table.query = query
Table.all_items = all_items

# EventBridge's limit on the entries of one PutEvents request, in bytes (256 KB).
PUT_EVENTS_MAX_BYTES = 256 * 1024


def _utf8_bytes(value):
    return len(value.encode("utf-8")) if isinstance(value, str) else 0


def put_events_entry_size(entry):
    """An entry's size as EventBridge counts it towards the request's 256 KB."""
    size = 14 if entry.get("Time") is not None else 0
    size += _utf8_bytes(entry.get("Source")) + _utf8_bytes(entry.get("DetailType")) + _utf8_bytes(entry.get("Detail"))
    for resource in entry.get("Resources") or []:
        size += _utf8_bytes(resource)
    return size


_moto_put_events = events_models.EventsBackend.put_events


def put_events(self, events):
    # moto's own check of the entry count comes first, as on AWS (11 entries is refused whatever their size).
    if len(events) <= 10 and sum(put_events_entry_size(entry) for entry in events) > PUT_EVENTS_MAX_BYTES:
        raise ValidationException("Total size of the entries in the request is over the limit.")
    return _moto_put_events(self, events)


events_models.EventsBackend.put_events = put_events

# S3's GetObject response overrides (query parameter -> the response header it sets).
S3_RESPONSE_OVERRIDES = {
    "response-cache-control": "Cache-Control",
    "response-content-disposition": "Content-Disposition",
    "response-content-encoding": "Content-Encoding",
    "response-content-language": "Content-Language",
    "response-content-type": "Content-Type",
    "response-expires": "Expires",
}

_moto_get_object = s3_responses.S3Response.get_object


def get_object(self):
    status, headers, body = _moto_get_object(self)
    if status in (200, 206):
        for parameter, header in S3_RESPONSE_OVERRIDES.items():
            value = (self.querystring.get(parameter) or [None])[0]
            if value:
                for existing in [name for name in headers if name.lower() == header.lower()]:
                    headers.pop(existing)
                headers[header] = value
    return status, headers, body


s3_responses.S3Response.get_object = get_object


def sent_at_now():
    """Now as ISO-8601 UTC with milliseconds and a Z (2026-12-04T10:15:30.123Z)."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _stamped(moto_init):
    def __init__(self, *args, **kwargs):
        moto_init(self, *args, **kwargs)
        self.sent_at = sent_at_now()
    return __init__


for _module, _name in SENT_MESSAGE_CLASSES:
    _cls = getattr(_module, _name)
    _cls.__init__ = _stamped(_cls.__init__)


def _email(message):
    """An e-mail SES sent, as the sent-messages endpoint shows it; None for what SES does not keep as sent."""
    if isinstance(message, ses_models.Message):
        fields = {"content": "simple", "subject": message.subject, "body": message.body}
    elif isinstance(message, ses_models.RawMessage):
        fields = {"content": "raw", "raw_data": message.raw_data}
    elif isinstance(message, ses_models.TemplateMessage):
        fields = {"content": "template", "template": message.template, "template_data": message.template_data}
    else:
        return None
    return dict(fields, destinations=message.destinations, sent_at=message.sent_at)


def _created(backends):
    """The backends moto has made so far, every account's every region (indexing moto's dicts would make more)."""
    # list(): another thread may be adding an account or a region meanwhile.
    return [backend for regions in list(backends.values()) for backend in list(regions.values())]


def sent_messages():
    """Every e-mail and SMS moto has sent: {"emails": [...], "sms": [...]}."""
    emails = []
    for backend in _created(ses_models.ses_backends):
        emails.extend(e for e in map(_email, list(backend.sent_messages)) if e is not None)
    sms = [
        {"phone_number": m.phone_number, "message": m.message, "sent_at": m.sent_at}
        for backend in _created(sns_models.sns_backends)
        for m in list(backend.sms_message_objects.values())
    ]
    return {"emails": emails, "sms": sms}


def sent_messages_response(request, full_url, headers):
    if request.method not in ("GET", "HEAD"):
        return 405, {"Allow": "GET, HEAD"}, ""
    return 200, {"Content-Type": "application/json"}, json.dumps(sent_messages())


moto_api_urls.url_paths["{0}" + SENT_MESSAGES_PATH] = sent_messages_response

if __name__ == "__main__":
    from moto.server import main

    sys.exit(main())
