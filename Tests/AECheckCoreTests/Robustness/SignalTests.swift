import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Stopped from outside, a session ends like Ctrl-C: how to get urgent help, the
/// conventional exit status, no crash report, and a record that resumes.
struct SignalTests {
    static let clock = SessionRecordTests.clock

    /// Starts an intake with a record, answers two questions, sends `signal` at the next prompt.
    static func interrupted(by number: Int32) throws -> (status: Int32, output: String, errors: String, path: String) {
        let binary = try #require(CheckPipeTests.binary, "the aecheck binary was not found; run swift build")
        let path = SessionRecordTests.temporaryPath("signal.json")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["intake", "--record", path] + clock
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let prompts = PromptCounter(stdout.fileHandleForReading)
        prompts.waitFor(prompts: 1)
        stdin.fileHandleForWriting.write(Data("none\n".utf8))
        prompts.waitFor(prompts: 2)
        stdin.fileHandleForWriting.write(Data("ms\n".utf8))
        prompts.waitFor(prompts: 3)
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        Thread.sleep(forTimeInterval: 0.05)  // the last bytes of standard output
        return (process.terminationStatus, prompts.text, errors, path)
    }

    @Test(
        "SIGTERM, SIGHUP and SIGQUIT end the session like Ctrl-C, with status 128 + the signal",
        arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func endsLikeInterrupt(_ number: Int32) throws {
        let (status, output, errors, path) = try Self.interrupted(by: number)
        #expect(status == 128 + number)
        #expect(output.contains("Session interrupted."), "signal \(number)")
        #expect(!errors.contains("crash"), "signal \(number): \(errors)")
        let record = try SessionRecordTests.record(at: path)
        #expect(record.status == "in-progress")
        #expect(record.log.count == 2)
        let (resumed, io) = SessionRecordTests.run(["intake", "--resume", path] + Self.clock, ["quit"])
        #expect(resumed == 0, "\(io.errors)")
        #expect(io.output.hasPrefix("Resuming the saved session (2 answers)."))
    }

    @Test("a closed output ends the session quietly, and the record resumes")
    func closedOutput() throws {
        let binary = try #require(CheckPipeTests.binary, "the aecheck binary was not found; run swift build")
        let path = SessionRecordTests.temporaryPath("pipe.json")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["intake", "--record", path] + Self.clock
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let prompts = PromptCounter(stdout.fileHandleForReading)
        prompts.waitFor(prompts: 1)
        stdout.fileHandleForReading.readabilityHandler = nil
        try stdout.fileHandleForReading.close()
        stdin.fileHandleForWriting.write(Data("none\nms\n20\n".utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 141)
        #expect(errors.isEmpty, "\(errors)")
        let record = try SessionRecordTests.record(at: path)
        #expect(record.status == "in-progress")
        #expect(record.log.count >= 1)
    }
}
