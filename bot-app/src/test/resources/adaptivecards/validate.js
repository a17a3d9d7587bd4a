// Microsoft's own Adaptive Cards library judges every card given on stdin (a JSON array): what
// AdaptiveCard.parse reports and what validateProperties() finds, as a JSON array of string arrays.
const AC = require(process.argv[2]);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", chunk => input += chunk);
process.stdin.on("end", () => {
  const answers = JSON.parse(input).map(json => {
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(json, context);
    const problems = [];
    for (let i = 0; i < context.eventCount; i++) {
      problems.push("parse: " + context.getEventAt(i).message);
    }
    card.validateProperties().validationEvents.forEach(e => problems.push("validate: " + e.message));
    return problems;
  });
  process.stdout.write(JSON.stringify(answers));
});
