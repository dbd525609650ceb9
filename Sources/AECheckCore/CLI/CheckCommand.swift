import Foundation

/// `aecheck check`: the interactive symptom check, in a terminal or through a pipe.
enum CheckCommand {
    static func run(_ arguments: CommandLineInterface.Arguments, knowledge: KnowledgeBase, io: TerminalIO)
        -> Int32
    {
        guard case .success(let setup) = ClockOptions.read(arguments, io: io) else { return 2 }
        let mode = arguments.values["--mode"] ?? "patient"
        guard let audience = Audience(rawValue: mode) else {
            io.writeError("aecheck: unknown mode '\(mode)'; use 'patient' or 'nurse'\n")
            return 2
        }
        if !arguments.positional.isEmpty {
            io.writeError("aecheck: unexpected argument '\(arguments.positional[0])'\n")
            return 2
        }
        InterruptHandler.install(message: "\n" + knowledge.text("interrupt", for: audience) + "\n")
        var session = Session(
            interview: Interview(knowledge: knowledge),
            renderer: Renderer(knowledge: knowledge, audience: audience, colour: io.colour),
            timeZone: setup.timeZone, clock: setup.clock)
        io.write(session.start())
        while !session.finished {
            guard let line = io.readLine() else {
                io.write(session.endEarly())
                break
            }
            io.write(session.handle(line))
        }
        io.flush()
        return 0
    }
}

/// `--now` and `--tz`: a fixed clock and time zone, for repeatable runs.
enum ClockOptions {
    struct Setup {
        var timeZone: TimeZone
        var clock: @Sendable () -> Date
    }

    static func read(_ arguments: CommandLineInterface.Arguments, io: TerminalIO) -> Result<
        Setup, CommandLineInterface.UsageError
    > {
        var timeZone = TimeZone.current
        if let name = arguments.values["--tz"] {
            guard let zone = TimeZone(identifier: name) else {
                io.writeError("aecheck: unknown time zone '\(name)'; use a name such as Europe/London\n")
                return .failure(.init(message: "bad time zone"))
            }
            timeZone = zone
        }
        guard let text = arguments.values["--now"] else {
            return .success(Setup(timeZone: timeZone, clock: { Date() }))
        }
        guard let date = ISODate.parse(text, timeZone: timeZone) else {
            io.writeError("aecheck: --now '\(text)' is not an ISO 8601 time such as 2026-11-21T14:00:00Z\n")
            return .failure(.init(message: "bad --now"))
        }
        return .success(Setup(timeZone: timeZone, clock: { date }))
    }
}

/// ISO 8601 date-times, with or without an offset (then read in the given time zone).
enum ISODate {
    static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        if let date = UTCInstant.parse(text) { return date }  // the common form, without a formatter
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date }
        }
        return nil
    }
}

/// Prints how to get urgent help and exits 130 on Ctrl-C.
enum InterruptHandler {
    nonisolated(unsafe) private static var message: [UInt8] = []

    static func install(message text: String) {
        message = Array(text.utf8)
        signal(SIGINT) { _ in
            InterruptHandler.message.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            _exit(130)
        }
    }
}
