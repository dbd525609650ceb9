import AECheckLanguage
import Foundation

/// `aecheck replay FILE|DIR... [--update]`: replays recorded transcripts and compares screens.
///
/// Folders are searched recursively for `*.txt` files (except `README*`), in name order.
/// Each failure prints the file and what went wrong (a line diff, or `FILE:LINE: message`
/// for a malformed transcript); the run closes with `N passed, N failed` and exits 1 if any
/// failed. With `--update` a differing body is rewritten in place (the header is kept) and
/// counted as updated; malformed transcripts are never rewritten.
enum ReplayCommand {
    static func run(_ arguments: CommandLineInterface.Arguments, knowledge: KnowledgeBase, io: TerminalIO) -> Int32 {
        guard !arguments.positional.isEmpty else {
            io.writeError("aecheck: replay needs a transcript file or folder, e.g. aecheck replay Tests/Transcripts\n")
            return 2
        }
        let update = arguments.flags.contains("--update")
        let runner = TranscriptRunner(knowledge: knowledge)
        var passed = 0
        var failed = 0
        var updated = 0
        let listed = arguments.positional.map { (path: $0, files: transcriptFiles(at: $0)) }
        let verdicts = replayAll(listed.flatMap(\.files), runner: runner)
        for (path, files) in listed {
            if files.isEmpty {
                io.write("FAIL \(path): no transcripts found\n")
                failed += 1
            }
            for file in files {
                guard var verdict = verdicts[file] ?? nil else {
                    io.write("FAIL \(file): cannot read the file\n")
                    failed += 1
                    continue
                }
                if update, verdict.diff != nil, let transcript = verdict.transcript, let screen = verdict.screen {
                    let text = Transcript.rewrite(headerLines: transcript.headerLines, body: screen)
                    // Through a link to the file it names: the link itself stays a link.
                    let target = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
                    if FileManager.default.createFile(atPath: target, contents: Data(text.utf8)) {
                        verdict.diff = nil
                        updated += 1
                        io.write("updated \(file)\n")
                    } else {
                        verdict.problems.append("\(file): cannot write the file")
                    }
                }
                if verdict.passed {
                    passed += 1
                    continue
                }
                failed += 1
                io.write("FAIL \(file)\n")
                for problem in verdict.problems { io.write(problem + "\n") }
                if let diff = verdict.diff {
                    io.write("the screen differs from the transcript (- transcript, + this run):\n" + diff)
                }
            }
        }
        let summary = "\(passed) passed, \(failed) failed" + (update ? ", \(updated) updated" : "")
        io.write(summary + "\n")
        return failed == 0 ? 0 : 1
    }

    /// Replays every file, several at once (each replay is independent: its own input, its own
    /// screen, a fixed clock), and gives each file's verdict; nil for a file that cannot be
    /// read. The report is then written in file order, so it reads the same on every run.
    static func replayAll(_ files: [String], runner: TranscriptRunner) -> [String: TranscriptRunner.Verdict?] {
        let results = Verdicts()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let verdict = FileManager.default.contents(atPath: file).map { runner.replay(data: $0, file: file) }
            results.store(verdict, for: file)
        }
        return results.all
    }

    /// Verdicts gathered from several threads.
    private final class Verdicts: @unchecked Sendable {
        private let lock = NSLock()
        private var byFile: [String: TranscriptRunner.Verdict?] = [:]

        func store(_ verdict: TranscriptRunner.Verdict?, for file: String) {
            lock.lock()
            defer { lock.unlock() }
            byFile[file] = verdict
        }

        var all: [String: TranscriptRunner.Verdict?] {
            lock.lock()
            defer { lock.unlock() }
            return byFile
        }
    }

    /// The transcript files a path names: the file itself, or every `*.txt` below a folder
    /// except `README*`, sorted.
    static func transcriptFiles(at path: String) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let base = path.hasSuffix("/") ? path : path + "/"
        let found = (manager.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        return found.filter { relative in
            let name = (relative as NSString).lastPathComponent
            return name.hasSuffix(".txt") && !name.hasPrefix("README")
        }
        .sorted().map { base + $0 }
    }
}
