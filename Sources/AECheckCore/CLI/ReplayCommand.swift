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
        for path in arguments.positional {
            let files = transcriptFiles(at: path)
            if files.isEmpty {
                io.write("FAIL \(path): no transcripts found\n")
                failed += 1
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    io.write("FAIL \(file): cannot read the file\n")
                    failed += 1
                    continue
                }
                var verdict = runner.replay(data: data, file: file)
                if update, verdict.diff != nil, let transcript = verdict.transcript, let screen = verdict.screen {
                    let text = Transcript.rewrite(headerLines: transcript.headerLines, body: screen)
                    if FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) {
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
