import AECheckLanguage
import Foundation

/// `aecheck check` (the patient symptom check) and `aecheck intake` (the nurse checklist),
/// in a terminal or through a pipe, optionally kept in a session record.
enum CheckCommand {
    static func run(
        _ arguments: CommandLineInterface.Arguments, knowledge: KnowledgeBase, io: TerminalIO, flow: String
    ) -> Int32 {
        if !arguments.positional.isEmpty {
            io.writeError("aecheck: unexpected argument '\(arguments.positional[0])'\n")
            return 2
        }
        var resumed: SessionRecord?
        if let path = arguments.values["--resume"] {
            switch loadRecord(path, knowledge: knowledge, flow: flow) {
            case .success(let record): resumed = record
            case .failure(let error):
                io.writeError("aecheck: cannot resume from \(path): \(error.message). The file was left as it is.\n")
                return 1
            }
        }
        var clockArguments = arguments
        if clockArguments.values["--tz"] == nil, let zone = resumed?.meta.timeZone {
            clockArguments.values["--tz"] = zone
        }
        guard case .success(let setup) = ClockOptions.read(clockArguments, io: io) else { return 2 }
        let mode = arguments.values["--mode"] ?? resumed?.meta.mode ?? (flow == "check" ? "patient" : "nurse")
        guard let audience = Audience(rawValue: mode) else {
            io.writeError("aecheck: unknown mode '\(mode)'; use 'patient' or 'nurse'\n")
            return 2
        }
        var preset: [LoggedAnswer] = []
        if let reporter = arguments.values["--reporter"] {
            guard flow == "check", resumed == nil, Reporter(rawValue: reporter) != nil else {
                io.writeError(
                    "aecheck: --reporter takes 'self' or 'carer', for a new 'check' session (not '\(reporter)')\n")
                return 2
            }
            preset = [LoggedAnswer(key: "reporter", answer: reporter)]
        }
        let recordPath = arguments.values["--resume"] ?? arguments.values["--record"]
        InterruptHandler.install(message: "\n" + knowledge.text("interrupt", for: audience) + "\n")
        let interview = Shared.interview(for: knowledge, flow: flow)
        var session = Session(
            interview: interview,
            renderer: Renderer(knowledge: knowledge, audience: audience, colour: io.colour),
            timeZone: setup.timeZone, clock: setup.clock)
        let recorder = recordPath.map { Recorder(path: $0, flow: flow) }
        if let resumed {
            let opening = session.resume(with: resumed.log)
            io.write("Resuming the saved session (\(resumed.log.count) answers).\n" + opening)
        } else {
            let opening = session.start(answered: preset)
            io.write(opening)
        }
        guard recorder?.save(session, io: io) ?? true else { return 1 }
        // The record is saved and the first prompt shown: what later answers need is made
        // meanwhile, on another thread.
        io.flush()
        interview.prepare()
        while !session.finished {
            guard let line = io.readLine() else {
                let closing = session.endEarly()
                _ = recorder?.save(session, io: io)
                io.write(closing)
                break
            }
            let reply = session.handle(line)
            _ = recorder?.save(session, io: io)
            io.write(reply)
        }
        io.flush()
        return 0
    }

    /// Reads a record to resume, refusing one made with other knowledge or for another flow.
    private static func loadRecord(_ path: String, knowledge: KnowledgeBase, flow: String)
        -> Result<SessionRecord, RecordError>
    {
        let record: SessionRecord
        switch RecordFile.read(path).flatMap(SessionRecord.decode) {
        case .success(let value): record = value
        case .failure(let error): return .failure(error)
        }
        guard record.meta.knowledgeHash == knowledge.hash else {
            return .failure(
                RecordError(
                    "it was made with other knowledge (\(record.meta.knowledgeHash.prefix(12))), "
                        + "not this program's (\(knowledge.shortHash))"))
        }
        guard record.flowID == flow else {
            return .failure(RecordError("it is a '\(record.flowID)' session; run 'aecheck \(record.flowID) --resume'"))
        }
        return .success(record)
    }
}

/// Keeps the session record up to date: rewritten whole after every answer.
struct Recorder {
    let path: String
    let flow: String

    /// Saves the session: stopped (quit or end of input), completed, or in progress.
    func save(_ session: Session, io: TerminalIO) -> Bool {
        let state = session.stoppedEarly ? "stopped" : session.finished ? "completed" : "in-progress"
        let record = SessionRecord(session: session, flowID: flow, status: state)
        switch RecordFile.write(record.encoded(), to: path) {
        case .success: return true
        case .failure(let error):
            io.writeError("aecheck: \(error.message)\n")
            return false
        }
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
        let timeZone: TimeZone
        if let name = arguments.values["--tz"] {
            guard let zone = TimeZone(identifier: name) else {
                io.writeError("aecheck: unknown time zone '\(name)'; use a name such as Europe/London\n")
                return .failure(.init(message: "bad time zone"))
            }
            timeZone = zone
        } else {
            timeZone = TimeZone.current
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
    /// Serialises installs: in-process runs (transcript replay, tests) may start checks on
    /// several threads at once.
    private static let lock = NSLock()

    static func install(message text: String) {
        lock.lock()
        defer { lock.unlock() }
        message = Array(text.utf8)
        signal(SIGINT) { _ in
            InterruptHandler.message.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            _exit(130)
        }
    }
}
