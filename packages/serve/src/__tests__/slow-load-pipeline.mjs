// A pipeline whose load takes `options.loadMs` (a timer standing in for a big model), so a
// test can signal the server while its models are still loading. It says on stdout when the
// load begins. Model config: { backend: 'pipeline', path: '<this file>', options: { loadMs } }

export default {
  async load(ctx) {
    console.log('slow-load pipeline: loading');
    await new Promise((resolve) => setTimeout(resolve, ctx.options.loadMs));
    return { infer: async (inputs) => inputs };
  },
};
