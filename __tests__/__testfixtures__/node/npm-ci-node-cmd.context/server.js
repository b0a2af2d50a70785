require('fastify')().listen({ port: +process.env.PORT });
