package dev.explainunit.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.model.Vocabulary;
import dev.explainunit.safetensors.SentenceModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The five-class sentiment classifier with its index: bundled ({@link ModelZoo#sentiment()}) or
 * read from a directory written by {@code explainunit train --task sentiment} or
 * {@code zoo export --task sentiment}: {@value SentimentZooIndex#MODEL_FILE},
 * {@value SentimentZooIndex#VOCABULARY_FILE} and {@code index.json}.
 *
 * @param model the embedding + bidirectional LSTM classifier
 * @param index how it was trained and how well it does
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentimentZooModel(SentenceModel model, SentimentZooIndex index) {

    /**
     * Writes model, vocabulary and then the index, each atomically, creating the directory if needed.
     */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        SentenceModelFiles.write(model, directory.resolve(SentimentZooIndex.MODEL_FILE),
                directory.resolve(SentimentZooIndex.VOCABULARY_FILE));
        AtomicFiles.write(directory.resolve(ZooDirectory.INDEX), ZooDirectory.JSON.writeValueAsBytes(index));
    }

    /**
     * Reads a directory written by {@link #write}.
     *
     * @throws IOException naming the directory or file and the defect
     */
    public static SentimentZooModel read(Path directory) throws IOException {
        Path indexFile = directory.resolve(ZooDirectory.INDEX);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException e) {
            throw new IOException(directory + " holds no " + ZooDirectory.INDEX
                    + "; is it a directory written by 'train --task sentiment' or 'zoo export --task sentiment'?", e);
        }
        SentimentZooIndex index = parseIndex(bytes, indexFile.toString());
        SentenceModel model = SentenceModelFiles.read(directory.resolve(index.model()),
                directory.resolve(index.vocabulary()));
        return new SentimentZooModel(model, index);
    }

    /** Whether {@code directory} has an {@code index.json} of this format (false if it has none or another). */
    public static boolean isSentimentFolder(Path directory) {
        try {
            return ZooDirectory.JSON.readTree(directory.resolve(ZooDirectory.INDEX).toFile()).path("format").asText("")
                    .equals(SentimentZooIndex.FORMAT);
        } catch (IOException e) {
            return false;
        }
    }

    static SentimentZooIndex parseIndex(byte[] bytes, String name) throws IOException {
        SentimentZooIndex index;
        try {
            index = ZooDirectory.JSON.readValue(bytes, SentimentZooIndex.class);
        } catch (JsonProcessingException e) {
            throw new IOException(name + " is not a valid sentiment model index: " + e.getOriginalMessage(), e);
        }
        if (index == null || !SentimentZooIndex.FORMAT.equals(index.format())) {
            throw new IOException(name + " has format [" + (index == null ? null : index.format()) + "], expected ["
                    + SentimentZooIndex.FORMAT + "]");
        }
        for (String file : new String[] {index.model(), index.vocabulary()}) {
            if (file == null || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
                throw new IOException(name + ": file [" + file + "] must be a plain file name in the directory");
            }
        }
        return index;
    }

    /** Reads the bundled model from the classpath folder {@code folder} (ending in '/'). */
    static SentimentZooModel readResources(String folder) throws IOException {
        String indexName = folder + ZooDirectory.INDEX;
        SentimentZooIndex index = parseIndex(ModelZoo.resource(indexName), indexName);
        // a file of this build, written by Vocabulary.write: one token a line, each ended by \n
        String lines = new String(ModelZoo.resource(folder + index.vocabulary()), StandardCharsets.UTF_8);
        Vocabulary vocabulary = Vocabulary.of(List.of(lines.split("\n")));
        SentenceModel model = SentenceModelFiles.read(ModelZoo.resource(folder + index.model()), folder + index.model(),
                vocabulary, folder + index.vocabulary());
        return new SentimentZooModel(model, index);
    }
}
