"""Read a JUnit report: print the counts, fail on no tests or on an unexpected skip."""

import argparse
import sys
import xml.etree.ElementTree as ET  # noqa: S405 - our own report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--allow-skip-marks", default="", help="marks whose tests may skip in this leg")
    args = parser.parse_args()
    allowed = [mark for mark in args.allow_skip_marks.split(",") if mark]
    root = ET.parse(args.report).getroot()  # noqa: S314
    cases = root.iter("testcase")
    passed = failed = 0
    bad_skips, allowed_skips = [], 0
    for case in cases:
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif (skip := case.find("skipped")) is not None:
            message = skip.get("message", "")
            if any(mark_reason(mark) in message for mark in allowed):
                allowed_skips += 1
            else:
                bad_skips.append(f"{case.get('classname')}::{case.get('name')}: {message}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed, {allowed_skips + len(bad_skips)} skipped")
    if bad_skips:
        print("Skipped tests that must run in this leg:", *bad_skips, sep="\n  ")
        return 1
    if passed == 0:
        print("No test ran.")
        return 1
    return 1 if failed else 0


def mark_reason(mark: str) -> str:
    return {"postgres": "needs PostgreSQL", "worker": "needs CELERY_BROKER_URL"}.get(mark, mark)


if __name__ == "__main__":
    sys.exit(main())
