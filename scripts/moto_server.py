"""moto's server with one change: DynamoDB transactions that do not copy tables.

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

Used by scripts/moto-server; everything else is moto unchanged.
"""
import copy
import sys
import threading

from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.exceptions import (
    ConditionalCheckFailed,
    MultipleTransactionsException,
    TransactionCanceledException,
)
from moto.dynamodb.models.table import Table

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
    except Exception:
        # Anything unusual (a missing table, a malformed part): moto's own code, backups and all.
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

if __name__ == "__main__":
    from moto.server import main

    sys.exit(main())
