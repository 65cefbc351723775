"""``chronik serve`` refuses unsafe or impossible options with one line."""

from __future__ import annotations

from chronik.cli import main


def test_corrections_need_a_token(archive_db, capsys):
    assert main(["serve", "--db", archive_db, "--allow-corrections"]) == 2
    assert "--allow-corrections needs --token" in capsys.readouterr().err


def test_short_token_is_refused(archive_db, capsys):
    assert main(["serve", "--db", archive_db, "--allow-corrections", "--token", "kurz"]) == 2
    assert "E505" in capsys.readouterr().err


def test_missing_archive_is_one_line(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "fehlt.db")]) == 2
    err = capsys.readouterr().err
    assert "chronik ingest" in err and "Traceback" not in err


def test_port_out_of_range(archive_db, capsys):
    assert main(["serve", "--db", archive_db, "--port", "70000"]) == 2
    assert "E506" in capsys.readouterr().err


def test_busy_port_is_one_line(archive_db, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", archive_db, "--port", str(port)]) == 2
    assert "E506" in capsys.readouterr().err


def test_server_socket_is_tcp_so_answers_are_not_delayed():
    # asyncio disables Nagle's algorithm only on connections of IPPROTO_TCP
    # sockets; a socket with protocol 0 made each two-part answer wait for the
    # client's delayed ACK.
    import socket

    from chronik.cli.serve import listening_socket

    sock = listening_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        sock.listen()
        with socket.create_connection(sock.getsockname()):
            accepted, _ = sock.accept()
            assert accepted.proto == socket.IPPROTO_TCP
            accepted.close()
    finally:
        sock.close()


def test_a_postgresql_archive_is_refused_with_one_line(capsys):
    assert main(["serve", "--db", "postgresql://postgres@127.0.0.1:5432/test"]) == 2
    err = capsys.readouterr().err
    assert "E508" in err and "SQLite archive" in err and "Traceback" not in err
