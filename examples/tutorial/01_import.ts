// `import tensorflow as tf`: in the playground, `tf` is already a global.
// Importing it adds nothing to the graph: it starts out empty.
