package io.hlsforge.jobs;

import io.hlsforge.catalogue.AssetIds;
import io.hlsforge.catalogue.CatalogueEntry;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.NoticeRecord;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.media.MediaException;
import io.hlsforge.media.MediaProber;
import io.hlsforge.media.ProbeResult;
import io.hlsforge.plan.ProbedAsset;
import io.hlsforge.run.Stage;
import io.hlsforge.run.StageTimes;
import io.hlsforge.run.WorkTime;
import io.hlsforge.spark.JobGroups;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.Outcome;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.TaskSlots;
import io.hlsforge.storage.FolderListings;
import io.hlsforge.storage.HadoopStorage;
import io.hlsforge.storage.Locations;
import io.hlsforge.storage.ScratchBudget;
import io.hlsforge.storage.ScratchDirs;
import io.hlsforge.tracks.SubtitleSidecar;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1: one task per asset probes the source with the bundled ffprobe. Good assets become rows
 * of manifests/probes, bad ones rows of manifests/failures; nothing here fails the run.
 */
public final class ProbeJob {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeJob.class);

  public static final Stage STAGE = Stage.PROBE;

  private final RunContext run;
  private final SparkSession spark;

  public ProbeJob(RunContext run, SparkSession spark) {
    this.run = run;
    this.spark = spark;
  }

  public StageReport run() {
    long started = System.currentTimeMillis();
    JobGroups.enter(spark, STAGE, run, "(" + run.catalogueUri() + ")");
    JavaRDD<CatalogueEntry> catalogue =
        new CatalogueReader(spark, run.settings().scanExtensions()).read(run.catalogueUri());
    long count = catalogue.count();
    // Many assets per task: a probe is a fraction of a second, and each asset has its own failure
    // boundary (probeOne) and its own supervised, time-limited child, so a hostile file still only
    // ever costs its own row.
    int partitions =
        TaskSlots.batches(
            count,
            TaskSlots.of(
                spark.sparkContext().getConf(), spark.sparkContext().defaultParallelism()));
    RunContext ctx = run;
    // An id listed twice would make two packages fight over one hosting path: every row of such an
    // id fails as ambiguous rather than one of them winning silently.
    JavaRDD<Outcome<ProbeRecord>> outcomes =
        catalogue
            .groupBy(CatalogueEntry::assetId, partitions)
            .mapPartitions(
                groups -> {
                  // One listing per source folder and task, shared by the sidecar search of
                  // every asset of the batch (a folder of clips is listed once, not per clip).
                  FolderListings folders = new FolderListings();
                  List<Outcome<ProbeRecord>> out = new ArrayList<>();
                  while (groups.hasNext()) {
                    List<CatalogueEntry> rows = new ArrayList<>();
                    groups.next()._2().forEach(rows::add);
                    // A row that could not be read fails on its own and makes no id ambiguous.
                    long valid = rows.stream().filter(CatalogueEntry::isValid).count();
                    for (CatalogueEntry e : rows) {
                      out.add(
                          !e.isValid() || valid == 1
                              ? probeOne(ctx, e, folders)
                              : duplicate(ctx, e, valid));
                    }
                  }
                  return out.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      WorkTime work = Outcome.totalTime(outcomes);
      long commitStarted = System.currentTimeMillis();
      ManifestStore store = new ManifestStore(spark, run.outputUri());
      store.append(
          ManifestStore.PROBES,
          ProbeRecord.class,
          outcomes.filter(Outcome::succeeded).map(Outcome::value));
      store.append(
          ManifestStore.FAILURES,
          FailureRecord.class,
          outcomes.filter(o -> !o.succeeded()).map(Outcome::failure));
      store.append(
          ManifestStore.NOTICES,
          NoticeRecord.class,
          outcomes.filter(Outcome::succeeded).flatMap(o -> NoticeRecord.of(o.value()).iterator()));
      long commitMs = System.currentTimeMillis() - commitStarted;
      long ok = outcomes.filter(Outcome::succeeded).count();
      double seconds =
          outcomes
              .filter(Outcome::succeeded)
              .mapToDouble(o -> o.value().durationS())
              .fold(0.0, Double::sum);
      return new StageReport(
          STAGE,
          count,
          ok,
          0,
          count - ok,
          seconds,
          started,
          System.currentTimeMillis(),
          0,
          new StageTimes(TaskSlots.used(spark, partitions), work, commitMs));
    } finally {
      outcomes.unpersist(false);
    }
  }

  private static Outcome<ProbeRecord> duplicate(RunContext run, CatalogueEntry e, long times) {
    return Outcome.failed(
        run,
        STAGE,
        e.assetId(),
        e.sourceUri(),
        new MediaException(
            MediaException.Kind.DUPLICATE_ASSET_ID,
            "the id appears " + times + " times in the catalogue"));
  }

  /** One catalogue row's probe, or its failure row (the stage's per-asset boundary). */
  public static Outcome<ProbeRecord> probeOne(
      RunContext run, CatalogueEntry entry, FolderListings folders) throws InterruptedException {
    return Outcome.of(
        run,
        STAGE,
        entry.assetId(),
        entry.sourceUri(),
        attempt -> {
          if (!entry.isValid()) {
            throw new MediaException(
                MediaException.Kind.CATALOGUE_INVALID, entry.problem().message());
          }
          Optional<String> idProblem = AssetIds.problem(entry.assetId());
          if (idProblem.isPresent()) {
            throw new MediaException(MediaException.Kind.INVALID_ASSET_ID, idProblem.get());
          }
          run.hooks().beforeProbe(attempt);
          return probe(run, entry, folders);
        });
  }

  /**
   * The subtitle files of an asset: those its catalogue row names (each must exist), then those
   * found next to the source as {@code <basename>.<lang>[.forced].srt|vtt}.
   */
  static List<SubtitleSidecar> sidecars(
      HadoopStorage storage, CatalogueEntry entry, FolderListings folders) throws MediaException {
    List<SubtitleSidecar> out = new ArrayList<>();
    List<SubtitleSidecar> named;
    try {
      named = SubtitleSidecar.parseCell(entry.subtitles());
    } catch (IllegalArgumentException e) {
      throw new MediaException(MediaException.Kind.INPUT_UNSUPPORTED, e.getMessage());
    }
    for (SubtitleSidecar s : named) {
      try {
        if (storage.status(s.uri()).isEmpty()) {
          throw new MediaException(
              MediaException.Kind.INPUT_MISSING, "subtitle file does not exist: " + s.uri());
        }
      } catch (IOException e) {
        throw new MediaException(
            MediaException.Kind.INPUT_UNREADABLE,
            "cannot read subtitle file " + s.uri() + ": " + e.getMessage(),
            e);
      }
      out.add(s);
    }
    org.apache.hadoop.fs.Path source = Locations.hadoopPath(entry.sourceUri());
    String name = source.getName();
    String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    try {
      org.apache.hadoop.fs.Path dir = source.getParent();
      if (dir != null) {
        List<SubtitleSidecar> found = new ArrayList<>();
        for (FileStatus f : folders.list(storage.fileSystem(entry.sourceUri()), dir)) {
          SubtitleSidecar s =
              f.isFile()
                  ? SubtitleSidecar.nextToSource(
                      base, f.getPath().getName(), Locations.of(f.getPath()))
                  : null;
          if (s != null && out.stream().noneMatch(n -> n.uri().equals(s.uri()))) {
            found.add(s);
          }
        }
        found.sort(Comparator.comparing(SubtitleSidecar::uri));
        out.addAll(found);
      }
    } catch (IOException e) {
      // Not being able to list the source's folder only means no sidecars are found there.
      LOG.warn("Cannot look for subtitle files next to {}: {}", entry.sourceUri(), e.getMessage());
    }
    return out;
  }

  private static ProbeRecord probe(RunContext run, CatalogueEntry entry, FolderListings folders)
      throws MediaException, InterruptedException {
    if (entry.sourceUri().isEmpty()) {
      throw new MediaException(MediaException.Kind.INPUT_MISSING, "source_uri is empty");
    }
    HadoopStorage storage = new HadoopStorage(run.hadoopConf().get());
    FileStatus source;
    try {
      source =
          storage
              .status(entry.sourceUri())
              .orElseThrow(
                  () ->
                      new MediaException(
                          MediaException.Kind.INPUT_MISSING,
                          "source does not exist: " + entry.sourceUri()));
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNREADABLE,
          "cannot read " + entry.sourceUri() + ": " + e.getMessage(),
          e);
    }
    if (source.isDirectory()) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNREADABLE,
          "source is a directory, not a file: " + entry.sourceUri());
    }
    Path scratch = null;
    try {
      scratch = ScratchDirs.create(run.settings().scratchDir(), "hlsforge-probe-");
      Path local =
          storage.localize(entry.sourceUri(), scratch, run.settings().scratchMaxSourceBytes());
      requireReadable(local, entry.sourceUri());
      ProbeResult p =
          new MediaProber(
                  Duration.ofSeconds(run.settings().probeTimeoutSeconds()), run.settings().input())
              .probe(local);
      return ProbeRecord.of(
          run.runId(),
          entry.title(),
          new ProbedAsset(
              entry.assetId(),
              entry.sourceUri(),
              source.getLen(),
              source.getModificationTime(),
              p,
              entry.audioSelection(),
              sidecars(storage, entry, folders)),
          System.currentTimeMillis());
    } catch (ScratchBudget.ExceededException e) {
      throw new MediaException(MediaException.Kind.INPUT_LIMIT_EXCEEDED, e.getMessage(), e);
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNREADABLE,
          "cannot read " + entry.sourceUri() + ": " + e.getMessage(),
          e);
    } finally {
      ScratchDirs.deleteQuietly(scratch);
    }
  }

  /**
   * Opens the file the way ffprobe will, so a permission problem is reported as one rather than as
   * ffprobe's "Permission denied" dressed up as a corrupt file.
   */
  private static void requireReadable(Path local, String sourceUri) throws MediaException {
    try (var channel = Files.newByteChannel(local)) {
      channel.read(ByteBuffer.allocate(1));
    } catch (AccessDeniedException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNREADABLE, "permission denied reading " + sourceUri, e);
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.INPUT_UNREADABLE, "cannot read " + sourceUri + ": " + e, e);
    }
  }
}
