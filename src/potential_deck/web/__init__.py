"""The browser side: `serve` (the app in a browser, guarded by a token) and the join pages."""
