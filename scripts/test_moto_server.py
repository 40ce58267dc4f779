"""scripts/moto_server.py refuses a moto that is not the one it patches, and says why; on the one it
patches, sent e-mails and SMS carry their `sent_at`, and GET /moto-api/coditect/sent-messages lists
them.

Each MotoServerPinTest runs the script with PYTHONPATH holding a stub `moto` package that mimics, in
shape only, what the script patches in the pinned version; one thing at a time is then changed. The
faithful stub must get through to moto's server (the stub's main, which prints the moto-api routes
it would serve), so a refusal below can only come from the difference under test. Those need
python3 alone, no moto.

SentMessagesTest starts the real server through scripts/moto-server, so it needs the pinned moto where
that script looks for it (.venv or python3; scripts/tools.sh installs it, and scripts/test.sh runs
tools.sh first); without it the test is skipped, saying so. Requests are signed with a made-up
SigV4 header: moto reads the service from it and checks no signature, so no AWS SDK is needed.
Run by `make test` (scripts/test.sh).
"""
import base64
import datetime
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(SCRIPTS, "moto_server.py")
with open(SCRIPT, encoding="utf-8") as source:
    EXPECTED = re.search(r'^EXPECTED_MOTO_VERSION = "(.+)"$', source.read(), re.M).group(1)

FAITHFUL = {
    "moto/__init__.py": f'__version__ = "{EXPECTED}"\n',
    "moto/server.py": (
        "def main():\n"
        "    from moto.moto_api._internal.urls import url_paths\n"
        "    print('stub moto server', sorted(url_paths))\n"
        "    return 0\n"
    ),
    "moto/core/__init__.py": "",
    "moto/core/common_models.py": "class BaseModel:\n    pass\n",
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
    "moto/moto_api/__init__.py": "",
    "moto/moto_api/_internal/__init__.py": "",
    "moto/moto_api/_internal/urls.py": 'url_paths = {"{0}/moto-api/data.json": None}\n',
    "moto/events/models.py": "class EventsBackend:\n    def put_events(self, events):\n        pass\n",
    "moto/events/exceptions.py": "class ValidationException(Exception):\n    pass\n",
    "moto/s3/__init__.py": "",
    "moto/s3/responses.py": "class S3Response:\n    def get_object(self):\n        pass\n",
    "moto/ses/__init__.py": "",
    "moto/ses/models.py": (
        "from moto.core.common_models import BaseModel\n"
        "class Message(BaseModel):\n"
        "    def __init__(self, message_id, source, subject, body, destinations):\n        pass\n"
        "class RawMessage(BaseModel):\n"
        "    def __init__(self, message_id, source, destinations, raw_data):\n        pass\n"
        "class TemplateMessage(BaseModel):\n"
        "    def __init__(self, message_id, source, template, template_data, destinations):\n        pass\n"
        "class SESBackend:\n"
        "    def __init__(self, region_name, account_id):\n"
        "        self.sent_messages = []\n"
        "ses_backends = {}\n"
    ),
    "moto/sns/__init__.py": "",
    "moto/sns/models.py": (
        "from moto.core.common_models import BaseModel\n"
        "class SMS(BaseModel):\n"
        "    def __init__(self, message_id, phone_number, message):\n        pass\n"
        "class SNSBackend:\n"
        "    def __init__(self, region_name, account_id):\n"
        "        self.sms_message_objects = {}\n"
        "sns_backends = {}\n"
    ),
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

    def test_routes_the_sent_messages_before_motos_server_starts(self):
        result = run_with(FAITHFUL)
        self.assertIn("'{0}/moto-api/coditect/sent-messages'", result.stdout)

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

    def test_refuses_a_sent_message_that_data_json_would_not_show(self):
        stub = dict(FAITHFUL)
        stub["moto/sns/models.py"] = (
            "class SMS:\n"
            "    def __init__(self, message_id, phone_number, message):\n        pass\n"
        )
        self.assert_refused(stub, "moto.sns.models.SMS is not a moto BaseModel")

    def test_refuses_a_moto_without_a_sent_message_class(self):
        stub = dict(FAITHFUL)
        stub["moto/ses/models.py"] = FAITHFUL["moto/ses/models.py"].replace("class RawMessage", "class Raw")
        self.assert_refused(stub, "moto.ses.models.RawMessage is not a moto BaseModel")

    def test_refuses_a_sent_message_that_keeps_other_fields(self):
        stub = dict(FAITHFUL)
        stub["moto/ses/models.py"] = FAITHFUL["moto/ses/models.py"].replace(
            "message_id, source, subject, body, destinations", "message_id, source, content, destinations")
        self.assert_refused(stub, "moto.ses.models.Message.__init__ takes "
                                  "['self', 'message_id', 'source', 'content', 'destinations']")

    def test_refuses_an_ses_that_keeps_its_sent_messages_elsewhere(self):
        stub = dict(FAITHFUL)
        stub["moto/ses/models.py"] = FAITHFUL["moto/ses/models.py"].replace("self.sent_messages", "self.outbox")
        self.assert_refused(stub, "moto.ses.models.SESBackend keeps no sent_messages")

    def test_refuses_an_sns_without_its_backends(self):
        stub = dict(FAITHFUL)
        stub["moto/sns/models.py"] = FAITHFUL["moto/sns/models.py"].replace("sns_backends = {}\n", "")
        self.assert_refused(stub, "moto.sns.models has no sns_backends")

    def test_refuses_moto_api_routes_of_another_shape(self):
        stub = dict(FAITHFUL)
        stub["moto/moto_api/_internal/urls.py"] = 'url_paths = {"/moto-api/data.json": None}\n'
        self.assert_refused(stub, "url_paths no longer routes {0}/moto-api/data.json")


def pinned_moto_python():
    """The Python scripts/moto-server runs moto with, when one has the pinned moto; else None."""
    for python in (os.path.join(SCRIPTS, "..", ".venv", "bin", "python"), "python3"):
        check = f"import sys, moto; sys.exit(moto.__version__ != {EXPECTED!r})"
        try:
            if subprocess.run([python, "-c", check], capture_output=True, timeout=60).returncode == 0:
                return python
        except OSError:
            continue
    return None


SENT_AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@unittest.skipIf(pinned_moto_python() is None,
                 f"no moto {EXPECTED} in .venv or python3 (scripts/tools.sh installs it)")
class SentMessagesTest(unittest.TestCase):
    """On the real moto: every sent e-mail and SMS has the time it was sent, in /moto-api/data.json and
    in /moto-api/coditect/sent-messages, which lists them alone."""

    @classmethod
    def setUpClass(cls):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        cls.endpoint = f"http://127.0.0.1:{port}"
        cls.log = tempfile.TemporaryFile()
        cls.server = subprocess.Popen([os.path.join(SCRIPTS, "moto-server"), "-H", "127.0.0.1", "-p", str(port)],
                                      stdout=cls.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(cls.endpoint + "/moto-api/", timeout=5).close()
                return
            except OSError:
                if cls.server.poll() is not None or time.monotonic() > deadline:
                    cls.tearDownClass()
                    raise

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.log.close()

    def call(self, service, path, body, content_type, region="us-east-1", account=None):
        headers = {
            "Authorization": f"AWS4-HMAC-SHA256 Credential=testing/20260101/{region}/{service}/aws4_request, "
                             "SignedHeaders=host, Signature=0",
            "Content-Type": content_type,
        }
        if account is not None:
            # moto's server acts for the account this header names (else its default, 123456789012).
            headers["x-moto-account-id"] = account
        request = urllib.request.Request(self.endpoint + path, data=body.encode(), method="POST", headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode()

    def sesv2(self, path, document, **where):
        return json.loads(self.call("ses", path, json.dumps(document), "application/json", **where))

    def ses_v1(self, **parameters):
        return self.call("ses", "/", urllib.parse.urlencode(dict(parameters, Version="2010-12-01")),
                         "application/x-www-form-urlencoded")

    def sms(self, phone_number, message, **where):
        self.call("sns", "/", urllib.parse.urlencode({
            "Action": "Publish", "PhoneNumber": phone_number, "Message": message, "Version": "2010-03-31",
        }), "application/x-www-form-urlencoded", **where)

    def get(self, path):
        with urllib.request.urlopen(self.endpoint + path, timeout=30) as response:
            return json.loads(response.read())

    def data(self):
        return self.get("/moto-api/data.json")

    def assert_sent_between(self, sent, before, after):
        self.assertRegex(sent.get("sent_at", ""), SENT_AT, sent)
        self.assertLessEqual(before, sent["sent_at"], sent)
        self.assertLessEqual(sent["sent_at"], after, sent)

    def test_sent_emails_and_sms_show_when_they_were_sent(self):
        sender = "no-reply@coditect.example"
        self.sesv2("/v2/email/identities", {"EmailIdentity": sender})
        before = now()
        simple = self.sesv2("/v2/email/outbound-emails", {
            "FromEmailAddress": sender,
            "Destination": {"ToAddresses": ["simple@example.com"]},
            "Content": {"Simple": {"Subject": {"Data": "Your code"}, "Body": {"Text": {"Data": "Code 123456"}}}},
        })["MessageId"]
        raw = self.sesv2("/v2/email/outbound-emails", {
            "FromEmailAddress": sender,
            "Destination": {"ToAddresses": ["raw@example.com"]},
            "Content": {"Raw": {"Data": base64.b64encode(
                b"From: no-reply@coditect.example\r\nTo: raw@example.com\r\nSubject: Raw\r\n\r\nCode 234567\r\n"
            ).decode()}},
        })["MessageId"]
        self.ses_v1(Action="CreateTemplate", **{"Template.TemplateName": "code", "Template.SubjectPart": "Code",
                                                "Template.TextPart": "Code {{code}}", "Template.HtmlPart": "{{code}}"})
        self.ses_v1(Action="SendTemplatedEmail", Source=sender, Template="code", TemplateData='{"code": "345678"}',
                    **{"Destination.ToAddresses.member.1": "templated@example.com"})
        self.sms("+14155550100", "Code 456789")
        after = now()

        data = self.data()
        messages = {m["id"]: m for m in data["ses"]["Message"]}
        raws = {m["id"]: m for m in data["ses"]["RawMessage"]}
        templated = [m for m in data["ses"]["TemplateMessage"] if m["destinations"]["ToAddresses"] == ["templated@example.com"]]
        sms = [m for m in data["sns"]["SMS"] if m["message"] == "Code 456789"]
        self.assertEqual("Code 123456", messages[simple]["body"])
        self.assert_sent_between(messages[simple], before, after)
        self.assert_sent_between(raws[raw], before, after)
        self.assertEqual(1, len(templated), data["ses"]["TemplateMessage"])
        self.assert_sent_between(templated[0], before, after)
        self.assertEqual(1, len(sms), data["sns"]["SMS"])
        self.assertEqual("+14155550100", sms[0]["phone_number"])
        self.assert_sent_between(sms[0], before, after)
        # In the order they were sent (same-millisecond sends may tie).
        self.assertLessEqual(messages[simple]["sent_at"], raws[raw]["sent_at"])
        self.assertLessEqual(templated[0]["sent_at"], sms[0]["sent_at"])

    def test_sent_messages_lists_every_email_and_sms_of_every_account_and_region(self):
        sender = "no-reply@coditect.example"
        elsewhere = {"region": "eu-west-1", "account": "111122223333"}
        for where in ({}, elsewhere):
            self.sesv2("/v2/email/identities", {"EmailIdentity": sender}, **where)
        before = now()
        self.sesv2("/v2/email/outbound-emails", {
            "FromEmailAddress": sender,
            "Destination": {"ToAddresses": ['"Ann" <listed-simple@example.com>'],
                            "CcAddresses": ["listed-cc@example.com"]},
            "Content": {"Simple": {"Subject": {"Data": "Your code"}, "Body": {"Text": {"Data": "Code 111111"}}}},
        })
        raw_data = ("From: no-reply@coditect.example\r\nTo: listed-raw@example.com\r\nSubject: Raw\r\n\r\n"
                    "Code 222222\r\n")
        self.sesv2("/v2/email/outbound-emails", {
            "FromEmailAddress": sender,
            "Destination": {"ToAddresses": ["listed-raw@example.com"]},
            "Content": {"Raw": {"Data": base64.b64encode(raw_data.encode()).decode()}},
        }, **elsewhere)
        self.ses_v1(Action="CreateTemplate", **{"Template.TemplateName": "listed", "Template.SubjectPart": "Code",
                                                "Template.TextPart": "Code {{code}}", "Template.HtmlPart": "{{code}}"})
        self.ses_v1(Action="SendTemplatedEmail", Source=sender, Template="listed", TemplateData='{"code": "333333"}',
                    **{"Destination.ToAddresses.member.1": "listed-templated@example.com"})
        self.sms("+14155550111", "Code 444444")
        self.sms("+14155550122", "Code 555555", **elsewhere)
        after = now()

        listed = self.get("/moto-api/coditect/sent-messages")
        emails = [e for e in listed["emails"] if "listed-" in json.dumps(e["destinations"])]
        sms = [m for m in listed["sms"] if m["phone_number"] in ("+14155550111", "+14155550122")]
        for message in emails + sms:
            self.assert_sent_between(message, before, after)
        self.assertCountEqual([
            {"content": "simple", "subject": "Your code", "body": "Code 111111",
             "destinations": {"ToAddresses": ['"Ann" <listed-simple@example.com>'],
                              "CcAddresses": ["listed-cc@example.com"]}},
            # moto keeps a raw e-mail's recipients as a list (the Destination's, then its To, Cc and Bcc
            # headers').
            {"content": "raw", "raw_data": raw_data,
             "destinations": ["listed-raw@example.com", "listed-raw@example.com"]},
            {"content": "template", "template": "listed", "template_data": '{"code": "333333"}',
             "destinations": {"ToAddresses": ["listed-templated@example.com"]}},
        ], [without_sent_at(e) for e in emails])
        self.assertCountEqual([
            {"phone_number": "+14155550111", "message": "Code 444444"},
            {"phone_number": "+14155550122", "message": "Code 555555"},
        ], [without_sent_at(m) for m in sms])
        # The same messages as data.json shows, which is what /local/messages read before.
        data = self.data()
        for kind, content in (("Message", "simple"), ("RawMessage", "raw"), ("TemplateMessage", "template")):
            self.assertCountEqual(
                [(json.dumps(m["destinations"]), m["sent_at"]) for m in data["ses"][kind]],
                [(json.dumps(e["destinations"]), e["sent_at"]) for e in listed["emails"] if e["content"] == content])
        self.assertCountEqual([(m["phone_number"], m["message"], m["sent_at"]) for m in data["sns"]["SMS"]],
                              [(m["phone_number"], m["message"], m["sent_at"]) for m in listed["sms"]])

    def test_sent_messages_only_reads(self):
        request = urllib.request.Request(self.endpoint + "/moto-api/coditect/sent-messages", data=b"{}", method="POST")
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        self.assertEqual(405, refused.exception.code)
        self.assertEqual("GET, HEAD", refused.exception.headers["Allow"])


def without_sent_at(message):
    return {name: value for name, value in message.items() if name != "sent_at"}


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


if __name__ == "__main__":
    unittest.main()
