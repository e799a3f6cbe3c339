import { Router } from 'express';
import type { SignatureDiagnoser } from './signature-diagnosis';

/** `GET /api/v1/events/:id/signature-diagnosis` (the signature debugger). */
export function diagnosisRoutes(diagnoser: SignatureDiagnoser): Router {
  const router = Router();
  router.get('/events/:id/signature-diagnosis', (req, res) => {
    res.json(diagnoser.diagnose(req.params.id));
  });
  return router;
}
