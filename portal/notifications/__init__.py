"""In-portal notices and the portal's one way to send mail.

Apps declare their kinds in `AppConfig.ready()` (`kinds.register_kind`) and call `services.notify(...)` inside
the transaction of the write that caused the event; the mail follows after commit (`tasks`).
"""
