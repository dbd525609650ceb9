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
        if arguments.values["--resume"] != nil && arguments.values["--record"] != nil {
            io.writeError("aecheck: use --resume FILE alone; it keeps recording to FILE\n")
            return 2
        }
        var resumed: SessionRecord?
        var resumedIdentity: RecordFile.Identity?
        if let path = arguments.values["--resume"] {
            resumedIdentity = RecordFile.identity(of: path)
            switch loadRecord(path, knowledge: knowledge, flow: flow) {
            case .success(let record): resumed = record
            case .failure(let error):
                io.writeError(
                    "aecheck: cannot resume from \(path.visibleControls): \(error.message.visibleControls). "
                        + "The file was left as it is.\n")
                return 1
            }
        }
        if let path = arguments.values["--record"], let problem = newRecordProblem(path, flow: flow) {
            io.writeError("aecheck: \(problem)\n")
            return 2
        }
        var clockArguments = arguments
        if clockArguments.values["--tz"] == nil, let zone = resumed?.meta.timeZone {
            clockArguments.values["--tz"] = zone
        }
        guard case .success(let setup) = ClockOptions.read(clockArguments, io: io) else { return 2 }
        if let resumed, let path = arguments.values["--resume"],
            let problem = resumed.answerProblem(knowledge: knowledge, now: setup.clock())
        {
            io.writeError(
                "aecheck: cannot resume from \(path.visibleControls): it is damaged (\(problem)). "
                    + "The file was left as it is.\n")
            return 1
        }
        let mode = arguments.values["--mode"] ?? resumed?.meta.mode ?? (flow == "check" ? "patient" : "nurse")
        guard let audience = Audience(rawValue: mode) else {
            io.writeError("aecheck: unknown mode '\(mode.visibleControls)'; use 'patient' or 'nurse'\n")
            return 2
        }
        var preset: [LoggedAnswer] = []
        if let reporter = arguments.values["--reporter"] {
            guard flow == "check", resumed == nil, Reporter(rawValue: reporter) != nil else {
                io.writeError(
                    "aecheck: --reporter takes 'self' or 'carer', for a new 'check' session (not '\(reporter.visibleControls)')\n"
                )
                return 2
            }
            preset = [LoggedAnswer(key: "reporter", answer: reporter)]
        }
        let recordPath = arguments.values["--resume"] ?? arguments.values["--record"]
        guard case .success(let region) = RegionOption.read(arguments, knowledge: knowledge, io: io) else { return 2 }
        let filler = Renderer(knowledge: knowledge, audience: audience, colour: false, region: region)
        InterruptHandler.install(message: "\n" + filler.fill(knowledge.text("interrupt", for: audience)) + "\n")
        let interview = Shared.interview(for: knowledge, flow: flow, dayFirst: !(region?.monthFirst ?? false))
        var session = Session(
            interview: interview,
            renderer: Renderer(knowledge: knowledge, audience: audience, colour: io.colour, region: region),
            timeZone: setup.timeZone, clock: setup.clock)
        var recorder = recordPath.map { Recorder(path: $0, flow: flow, identity: resumedIdentity) }
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
        while !session.finished || session.awaitingClosing {
            guard let line = io.readLine() else {
                if session.finished {
                    session.shownOutcome.map(io.noteOutcome)
                    io.flush()
                    return 0
                }
                let closing = session.endEarly()
                let saved = recorder?.save(session, io: io) ?? true
                io.write(closing)
                session.shownOutcome.map(io.noteOutcome)
                io.flush()
                return saved ? 0 : 1
            }
            let reply = session.handle(line)
            guard recorder?.save(session, io: io) ?? true else {
                // The record no longer follows the session: stop here, with the safest advice so far.
                io.write(session.finished ? reply : session.endEarly())
                session.shownOutcome.map(io.noteOutcome)
                io.flush()
                return 1
            }
            io.write(reply)
        }
        session.shownOutcome.map(io.noteOutcome)
        io.flush()
        return 0
    }

    /// Why a new session may not write its record at `path`, or nil when the path is free.
    /// Nothing is ever replaced: a saved session is continued with `--resume`.
    private static func newRecordProblem(_ path: String, flow: String) -> String? {
        let shown = path.visibleControls
        switch RecordFile.existing(path) {
        case .nothing:
            return nil
        case .other(let kind):
            return "\(shown) is \(kind), not a place for a session record; choose another name (nothing was written)"
        case .file:
            if case .success(let record) = RecordFile.read(path).flatMap(SessionRecord.decode) {
                let command = record.flowID == "check" || record.flowID == "intake" ? record.flowID : flow
                return "\(shown) already holds a saved session; continue it with 'aecheck \(command) --resume "
                    + "\(shown)', or choose another name for a new record (nothing was written)"
            }
            return "\(shown) already exists and is not a session record; choose another name (nothing was written)"
        }
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
            return .failure(
                RecordError("it was saved by 'aecheck \(record.flowID)'; run 'aecheck \(record.flowID) --resume'"))
        }
        return .success(record)
    }
}

/// Keeps the session record up to date: rewritten whole after every answer, and only over
/// the file it wrote itself.
struct Recorder {
    let path: String
    let flow: String
    /// The file last written (or resumed from); nil before the first write of a new record.
    var identity: RecordFile.Identity?

    /// Saves the session: stopped (quit or end of input), completed, or in progress. A failed
    /// write is reported; the caller ends the session.
    mutating func save(_ session: Session, io: TerminalIO) -> Bool {
        let state = session.stoppedEarly ? "stopped" : session.finished ? "completed" : "in-progress"
        let record = SessionRecord(session: session, flowID: flow, status: state)
        switch RecordFile.write(record.encoded(), to: path, replacing: identity) {
        case .success(let written):
            identity = written
            return true
        case .failure(let error):
            io.writeError("aecheck: \(error.message); the session stops here\n")
            return false
        }
    }
}

/// `--region CODE` (or the environment's `AECHECK_REGION`): whose emergency, urgent and
/// crisis numbers the page names. Without one, the page names no country's number.
enum RegionOption {
    static func read(_ arguments: CommandLineInterface.Arguments, knowledge: KnowledgeBase, io: TerminalIO)
        -> Result<Region?, CommandLineInterface.UsageError>
    {
        let fromOption = arguments.values["--region"]
        guard let code = (fromOption ?? io.environment("AECHECK_REGION"))?.lowercased(), !code.isEmpty else {
            return .success(nil)
        }
        if let region = knowledge.regions[code], code != "none" { return .success(region) }
        let known = knowledge.regions.keys.filter { $0 != "none" }.sorted()
        let origin = fromOption == nil ? "AECHECK_REGION" : "--region"
        io.writeError(
            "aecheck: unknown region '\(code.visibleControls)' in \(origin); use one of: "
                + known.joined(separator: ", ") + "\n")
        return .failure(.init(message: "bad region"))
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

/// Prints how to get urgent help and ends the session when it is stopped from outside:
/// Ctrl-C (SIGINT, exit 130), SIGTERM (143), SIGHUP (129, the terminal closed) and SIGQUIT
/// (131, Ctrl-\\, not a crash). The record, rewritten after every answer, stays resumable.
enum InterruptHandler {
    nonisolated(unsafe) private static var message: [UInt8] = []
    /// Serialises installs: in-process runs (transcript replay, tests) may start checks on
    /// several threads at once.
    private static let lock = NSLock()

    /// The signals that end a session, each with the conventional exit status 128 + its number.
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func install(message text: String) {
        lock.lock()
        defer { lock.unlock() }
        message = Array(text.utf8)
        // A parent may start the program with these signals blocked (the mask is inherited):
        // they are let through, so that they end the session rather than wait forever.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in signals { sigaddset(&unblocked, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for number in signals {
            signal(number) { number in
                LineEditor.restoreTerminal()
                InterruptHandler.message.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                _exit(128 + number)
            }
        }
    }
}
