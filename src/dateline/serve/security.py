"""Headers that keep hostile article text inert in the browser, and the write token.

The page renders every field as text (no ``innerHTML``); the Content-Security-Policy
is the second line: no inline script, no script or connection to any other origin.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from .problems import Problem

PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets style attributes from its own code; scripts stay 'self'.
DOCS_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
_COMMON = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
           (b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin")]


class SecurityHeaders:
    """Plain ASGI middleware (cheaper than Starlette's BaseHTTPMiddleware on every request)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = (DOCS_POLICY if scope["path"] == "/docs" else PAGE_POLICY).encode()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"content-security-policy", policy), *_COMMON]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def require_token(request: Request, expected: str | None) -> None:
    """Writes need the server's token as ``Authorization: Bearer TOKEN``; without a server token there are none."""
    if not expected:
        raise Problem(403, "this server is read-only: start it with --write-token (or DATELINE_WRITE_TOKEN) "
                           "to accept writes", "read-only")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise Problem(401, "send the write token as 'Authorization: Bearer TOKEN'", "token-required",
                      headers={"WWW-Authenticate": 'Bearer realm="dateline"'})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise Problem(403, "the write token is wrong", "token-refused")
