"""scripts/moto_server.py refuses a moto that is not the one it patches, and says why.

Each test runs the script with PYTHONPATH holding a stub `moto` package that mimics, in shape only,
what the script patches in the pinned version; one thing at a time is then changed. The faithful
stub must get through to moto's server (the stub's main), so a refusal below can only come from
the difference under test. Run by `make test` (scripts/test.sh) with python3 alone: no moto needed.
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "moto_server.py")
with open(SCRIPT, encoding="utf-8") as source:
    EXPECTED = re.search(r'^EXPECTED_MOTO_VERSION = "(.+)"$', source.read(), re.M).group(1)

FAITHFUL = {
    "moto/__init__.py": f'__version__ = "{EXPECTED}"\n',
    "moto/server.py": 'def main():\n    print("stub moto server")\n    return 0\n',
    "moto/core/__init__.py": "",
    "moto/core/exceptions.py": "class JsonRESTError(Exception):\n    pass\n",
    "moto/dynamodb/__init__.py": "",
    "moto/dynamodb/comparisons.py": "def get_filter_expression(expr, names, values):\n    pass\n",
    "moto/dynamodb/exceptions.py": (
        "class ConditionalCheckFailed(Exception):\n    pass\n"
        "class MultipleTransactionsException(Exception):\n    pass\n"
        "class TransactionCanceledException(Exception):\n    pass\n"
    ),
    "moto/dynamodb/models/__init__.py": (
        "import copy\n"
        "class DynamoDBBackend:\n"
        "    def transact_write_items(self, transact_items):\n"
        "        copy.deepcopy(transact_items)\n"
        "    def get_item(self, table_name, keys, projection_expressions=None):\n"
        "        pass\n"
    ),
    "moto/dynamodb/models/table.py": (
        "class Table:\n"
        "    def query(self, hash_key, range_comparison, range_objs, limit, exclusive_start_key,\n"
        "              scan_index_forward, projection_expressions, index_name=None, **filter_kwargs):\n"
        "        return [item for item in self.all_items()]\n"
        "    def all_items(self):\n"
        "        return []\n"
    ),
    "moto/events/__init__.py": "",
    "moto/events/models.py": "class EventsBackend:\n    def put_events(self, events):\n        pass\n",
    "moto/events/exceptions.py": "class ValidationException(Exception):\n    pass\n",
    "moto/s3/__init__.py": "",
    "moto/s3/responses.py": "class S3Response:\n    def get_object(self):\n        pass\n",
}


def run_with(stub):
    """Runs the script over a stub moto made of `stub` (path -> text; None leaves a file out)."""
    with tempfile.TemporaryDirectory() as root:
        for path, text in stub.items():
            if text is None:
                continue
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as out:
                out.write(text)
        env = dict(os.environ, PYTHONPATH=root)
        return subprocess.run([sys.executable, SCRIPT], env=env, capture_output=True, text=True, timeout=60)


class MotoServerPinTest(unittest.TestCase):

    def assert_refused(self, stub, *fragments):
        result = run_with(stub)
        self.assertNotEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertNotIn("stub moto server", result.stdout)
        self.assertIn(f"patches moto {EXPECTED}'s internals and will not run", result.stderr)
        self.assertIn(f"moto[server]=={EXPECTED}", result.stderr)
        for fragment in fragments:
            self.assertIn(fragment, result.stderr)

    def test_serves_over_a_moto_shaped_as_expected(self):
        result = run_with(FAITHFUL)
        self.assertEqual(0, result.returncode, result.stderr)
        self.assertIn("stub moto server", result.stdout)

    def test_refuses_another_version(self):
        stub = dict(FAITHFUL)
        stub["moto/__init__.py"] = '__version__ = "5.1.0"\n'
        self.assert_refused(stub, "this is moto 5.1.0")

    def test_refuses_a_moto_without_a_module_it_patches(self):
        stub = dict(FAITHFUL)
        stub["moto/dynamodb/comparisons.py"] = None
        self.assert_refused(stub, "moto has no moto.dynamodb.comparisons")

    def test_refuses_a_changed_signature(self):
        stub = dict(FAITHFUL)
        stub["moto/events/models.py"] = "class EventsBackend:\n    def put_events(self, entries, bus):\n        pass\n"
        self.assert_refused(stub, "EventsBackend.put_events takes ['self', 'entries', 'bus']")

    def test_refuses_an_s3_get_object_of_another_shape(self):
        stub = dict(FAITHFUL)
        stub["moto/s3/responses.py"] = "class S3Response:\n    def get_object(self, request):\n        pass\n"
        self.assert_refused(stub, "S3Response.get_object takes ['self', 'request']")

    def test_refuses_table_queries_that_no_longer_read_through_all_items(self):
        stub = dict(FAITHFUL)
        stub["moto/dynamodb/models/table.py"] = FAITHFUL["moto/dynamodb/models/table.py"].replace(
            "[item for item in self.all_items()]", "[]")
        self.assert_refused(stub, "Table.query no longer reads the table through all_items")

    def test_refuses_transactions_that_no_longer_copy_tables(self):
        stub = dict(FAITHFUL)
        stub["moto/dynamodb/models/__init__.py"] = FAITHFUL["moto/dynamodb/models/__init__.py"].replace(
            "copy.deepcopy(transact_items)", "pass")
        self.assert_refused(stub, "no longer backs tables up with copy.deepcopy")


if __name__ == "__main__":
    unittest.main()
