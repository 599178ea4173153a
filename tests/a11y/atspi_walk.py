#!/usr/bin/python3
"""Walks the survivor wizard the way a screen reader user would: through the
AT-SPI accessibility tree only (python3-pyatspi), from Welcome to the court
papers, adding a record in the record window on the way. On every screen it
checks that each button, field, choice, list and tab a person can reach has
a name a screen reader can say, then switches to Spanish and checks again.

Run under a virtual display and a private D-Bus session:
    xvfb-run -a dbus-run-session -- /usr/bin/python3 atspi_walk.py RELIEF_GUI

Uses Debian's python3-pyatspi, hence /usr/bin/python3.
"""
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

# Roles a person can act on: each must carry a name.
INTERACTIVE = {
    "push button", "toggle button", "radio button", "check box", "text", "password text",
    "combo box", "spin button", "table", "tree table", "list", "slider", "entry", "page tab",
    "link", "menu item",
}

failures = []
screens = []


def log(msg):
    print(msg, flush=True)


def wait_for(fn, what, timeout=20.0):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            r = fn()
            if r:
                return r
        except Exception as e:  # the tree changes under us while pages switch
            last = e
        time.sleep(0.25)
    raise SystemExit(f"atspi_walk: timed out waiting for {what} ({last})")


def wait_for_display(timeout=30.0):
    """Waits until the X server of $DISPLAY takes connections: under load,
    xvfb-run can hand over before its server listens."""
    import socket
    display = os.environ.get("DISPLAY", "")
    if not display.startswith(":"):
        return
    path = "/tmp/.X11-unix/X" + display[1:].split(".")[0]
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.connect(path)
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"atspi_walk: no X server at {display}")


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def walk(node, out, depth=0):
    if depth > 60:
        return
    try:
        count = node.childCount
    except Exception:
        return
    out.append(node)
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            walk(child, out, depth + 1)


def nodes(app):
    out = []
    walk(app, out)
    return out


def find(app, role, name=None, startswith=None):
    for n in nodes(app):
        try:
            if n.getRoleName() != role or not showing(n):
                continue
            if name is not None and n.name != name:
                continue
            if startswith is not None and not (n.name or "").startswith(startswith):
                continue
            return n
        except Exception:
            continue
    return None


def press(app, role, name):
    node = wait_for(lambda: find(app, role, name), f'{role} "{name}"')
    node.queryAction().doAction(0)
    time.sleep(0.6)


def check_screen(app, label):
    """Every showing interactive node has a non-empty accessible name."""
    seen = 0
    for n in nodes(app):
        try:
            role = n.getRoleName()
        except Exception:
            continue
        if role not in INTERACTIVE or not showing(n):
            continue
        seen += 1
        name = (n.name or "").strip()
        if not name:
            parent = n.parent.getRoleName() if n.parent else "?"
            # A table's column headers and GTK's own scroll arrows are named
            # by the table; the header cells below a named table are fine.
            failures.append(f"{label}: a {role} (in a {parent}) has no name")
    screens.append((label, seen))
    log(f"screen {label}: {seen} controls, all named" if not any(
        f.startswith(label + ":") for f in failures) else f"screen {label}: UNNAMED controls")


def step_label(app):
    n = find(app, "label", startswith="Step ") or find(app, "label", startswith="Paso ")
    return n.name if n else ""


def main():
    gui = sys.argv[1]
    home = tempfile.mkdtemp(prefix="relief-a11y-")
    env = dict(os.environ)
    # The X server's cookie stays reachable once HOME moves.
    if "XAUTHORITY" not in env:
        env["XAUTHORITY"] = os.path.join(os.path.expanduser("~"), ".Xauthority")
    env.update({"HOME": home, "XDG_CONFIG_HOME": os.path.join(home, "config"),
                "XDG_DATA_HOME": os.path.join(home, "data"), "LANG": "C.UTF-8", "LANGUAGE": ""})
    env.pop("NO_AT_BRIDGE", None)
    wait_for_display()
    proc = subprocess.Popen([gui], env=env)
    starts = 1
    try:
        def app_found():
            nonlocal proc, starts
            if proc.poll() is not None:
                # It could not start (no display yet): once more, and say so.
                if starts >= 3:
                    raise SystemExit(f"atspi_walk: relief-gui exited with {proc.returncode} {starts} times")
                log(f"relief-gui exited with {proc.returncode} at start; starting it again")
                time.sleep(1)
                proc = subprocess.Popen([gui], env=env)
                starts += 1
                return None
            desk = pyatspi.Registry.getDesktop(0)
            for i in range(desk.childCount):
                a = desk.getChildAtIndex(i)
                if a is not None and "relief" in (a.name or ""):
                    return a
            return None
        app = wait_for(app_found, "relief-gui on the accessibility bus", 40)
        wait_for(lambda: find(app, "push button", "Start"), "the Welcome screen")
        check_screen(app, "welcome")
        press(app, "push button", "Start")

        # About you: answer Yes where it can be said, else "I'm not sure".
        questions = 0
        while find(app, "push button", "Add a record") is None and questions < 30:
            wait_for(lambda: find(app, "radio button", "I'm not sure") or find(app, "push button", "Add a record"),
                     "a question or the records screen")
            if find(app, "push button", "Add a record"):
                break
            check_screen(app, f"about-you-{questions + 1}")
            yes = find(app, "radio button", "Yes") or find(app, "radio button", "I'm not sure")
            yes.queryAction().doAction(0)
            press(app, "push button", "Next")
            questions += 1
        log(f"about you: {questions} question(s)")

        check_screen(app, "records")
        press(app, "push button", "Add a record")
        dialog = wait_for(lambda: find(app, "push button", "Save this record"), "the record window")
        check_screen(app, "record-window")

        def choose(label, prefix):
            combo = wait_for(lambda: find(app, "combo box", label), f'the "{label}" choice')
            menu = combo.getChildAtIndex(0)
            for i in range(menu.childCount):
                if (menu.getChildAtIndex(i).name or "").startswith(prefix):
                    combo.querySelection().selectChild(i)
                    time.sleep(0.3)
                    return
            raise SystemExit(f'atspi_walk: no "{prefix}" in "{label}"')

        choose("What kind of record is it?", "Conviction")
        choose("What was the charge about?", "Prostitution")
        desc = wait_for(lambda: find(app, "text", "The charge in words (as the record says it)"),
                        "the charge field")
        desc.queryEditableText().setTextContents("Prostitution")
        date = find(app, "text", "Date it happened (year-month-day)")
        date.queryEditableText().setTextContents("2016-04-02")
        dialog.queryAction().doAction(0)
        wait_for(lambda: find(app, "push button", "Save this record") is None, "the record window to close")
        time.sleep(0.5)
        check_screen(app, "records-with-one")
        press(app, "push button", "Next")

        # Questions about the record, then the review.
        for i in range(30):
            wait_for(lambda: find(app, "radio button", "I'm not sure") or find(app, "push button", "Change the records"),
                     "a record question or the review")
            if find(app, "push button", "Change the records"):
                break
            check_screen(app, f"record-question-{i + 1}")
            yes = find(app, "radio button", "Yes") or find(app, "radio button", "I'm not sure")
            yes.queryAction().doAction(0)
            press(app, "push button", "Next")

        check_screen(app, "review")
        press(app, "push button", "Next")
        wait_for(lambda: "Results" in step_label(app), "the results")
        check_screen(app, "results")
        press(app, "push button", "Next")
        name = wait_for(lambda: find(app, "text", "Your full legal name"), "the details screen")
        check_screen(app, "details")
        name.queryEditableText().setTextContents("Ana Example")
        press(app, "push button", "Next")
        wait_for(lambda: find(app, "push button", "Write the papers"), "the papers screen")
        check_screen(app, "documents")

        # The same screens in Spanish.
        press(app, "push button", "Español")
        wait_for(lambda: find(app, "push button", "English"), "the Spanish screens")
        check_screen(app, "documents-es")
        press(app, "push button", "Atrás")
        time.sleep(0.5)
        check_screen(app, "details-es")
        press(app, "push button", "Atrás")
        time.sleep(0.5)
        check_screen(app, "results-es")

        press(app, "push button", "Salir")
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    log(f"atspi_walk: {len(screens)} screens, {sum(n for _, n in screens)} controls checked")
    if failures:
        for f in failures:
            log("FAIL " + f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
