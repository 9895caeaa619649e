package dev.explainunit.cli;

import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceReader;
import dev.explainunit.sentence.SentenceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A labelled JSON Lines file of sentences read as a stream, one sentence in memory at a time. The
 * file is checked once first ({@link #count}), so that a bad line is refused, as
 * {@code file:line: defect}, before any work; reading it again then cannot fail but for the disk.
 */
final class SentenceFile implements Iterable<SentenceRecord> {

    private final Path file;
    private final SentenceModel model;
    private long size;

    private SentenceFile(Path file, SentenceModel model) {
        this.file = file;
        this.model = model;
    }

    /**
     * The labelled sentences of {@code file} for {@code model}.
     *
     * @throws UsageException naming the first bad line (no label, a label outside the model's
     *                        classes, an unknown word without {@code <unk>}), or a missing file
     */
    static SentenceFile checked(Path file, SentenceModel model) {
        SentenceFile sentences = new SentenceFile(file, model);
        sentences.size = sentences.count();
        return sentences;
    }

    /** The number of sentences in the file. */
    long size() {
        return size;
    }

    private long count() {
        try {
            return SentenceReader.count(file, model.classes(), model.vocabulary());
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private SentenceReader reader() throws IOException {
        return SentenceReader.open(file).withClasses(model.classes()).withVocabulary(model.vocabulary());
    }

    /** A fresh pass over the file; it closes itself at the end. */
    @Override
    public Iterator<SentenceRecord> iterator() {
        SentenceReader in;
        try {
            in = reader();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return new Iterator<>() {
            private SentenceRecord next = read();

            private SentenceRecord read() {
                try {
                    SentenceRecord s = in.next();
                    if (s == null) {
                        in.close();
                    }
                    return s;
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public SentenceRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SentenceRecord current = next;
                next = read();
                return current;
            }
        };
    }
}
