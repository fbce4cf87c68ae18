// dynalite, the DynamoDB stand-in that holds the KCL's tables in the integration-clients tests,
// in memory, on a port the system chooses (dynalite's own CLI takes --port 0 as its default
// port, 4567). Prints "Dynalite listening on http://127.0.0.1:PORT" once ready; stopped by a
// signal. Tables are ACTIVE as soon as they are created, updated or deleted.
import dynalite from "dynalite";

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, "127.0.0.1", () => {
  console.log(`Dynalite listening on http://127.0.0.1:${server.address().port}`);
});
