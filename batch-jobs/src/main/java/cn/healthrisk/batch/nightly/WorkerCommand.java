package cn.healthrisk.batch.nightly;

/**
 * How to start the worker process that executes one partition of the claim step in processes mode.
 * The application that runs the job provides it: the command line, environment and working
 * directory of a JVM that boots the application without a web server and runs
 * {@link PartitionWorker#execute} for the given step execution. The manager adds the rest: a
 * standard input it keeps open (the worker stops when it closes) and the log file.
 */
@FunctionalInterface
public interface WorkerCommand {

  ProcessBuilder worker(long jobExecutionId, long stepExecutionId);
}
