import AECheckLanguage
import Foundation

/// Writes records so that a crash at any moment leaves either the old or the new file whole.
///
/// The bytes go to a temporary file beside the target (mode 0600), which is flushed to disk
/// and then renamed over the target; the directory is flushed too.
public enum RecordFile {
    public static func write(_ data: Data, to path: String) -> Result<Void, RecordError> {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return .failure(RecordError("cannot write \(temporary): \(errorText())")) }
        fchmod(descriptor, 0o600)
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let message = errorText()
                close(descriptor)
                unlink(temporary)
                return .failure(RecordError("cannot write \(temporary): \(message)"))
            }
            offset += written
        }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let message = errorText()
            unlink(temporary)
            return .failure(RecordError("cannot replace \(path): \(message)"))
        }
        let directory = (path as NSString).deletingLastPathComponent
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return .success(())
    }

    /// Reads a whole file, or says why not.
    public static func read(_ path: String) -> Result<Data, RecordError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(RecordError("cannot read \(path)"))
        }
        return .success(data)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
