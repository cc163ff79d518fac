// Hooks of the lab: the current picture (a sample or the user's file) and the filtering jobs run by the worker client.

import { useContext, useEffect, useRef, useState, type RefObject } from 'react';
import type { JobRequest, JobResult } from './filterJob.ts';
import { createFilterClient, type FilterClient } from './filterClient.ts';
import { ImageSourcesContext, loadSample, type LabImage } from './imageSource.ts';
import type { SampleId } from './kernelsConfig.ts';

/** The sample picture for an id: at once for the notes' image, after fetching and decoding for the others. */
export function useSampleImage(sample: SampleId): { image: LabImage | null; failed: boolean } {
  const sources = useContext(ImageSourcesContext);
  const [loaded, setLoaded] = useState<{ id: SampleId; image: LabImage | null; failed: boolean } | null>(null);
  const immediate = sample === 'edge' ? (loadSample('edge', sources) as LabImage) : null;
  useEffect(() => {
    if (sample === 'edge') return;
    let cancelled = false;
    Promise.resolve(loadSample(sample, sources)).then(
      (image) => !cancelled && setLoaded({ id: sample, image, failed: false }),
      () => !cancelled && setLoaded({ id: sample, image: null, failed: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [sample, sources]);
  if (immediate) return { image: immediate, failed: false };
  return loaded?.id === sample ? loaded : { image: null, failed: false };
}

/**
 * One filter client per mounted panel (a worker in the browser), ended when the panel goes. Held in a ref that this hook's
 * effect fills before the jobs' effects (declared after it) read it.
 */
export function useFilterClient(): RefObject<FilterClient | null> {
  const client = useRef<FilterClient | null>(null);
  useEffect(() => {
    const created = createFilterClient();
    client.current = created;
    return () => {
      created.dispose();
      client.current = null;
    };
  }, []);
  return client;
}

/**
 * The latest result of a job on a picture. `current` says whether it answers this very request (false while a newer one runs,
 * so the view can show the previous result dimmed instead of flickering).
 */
export function useJob(
  client: RefObject<FilterClient | null>,
  image: LabImage | null,
  request: JobRequest | null,
): { result: JobResult | null; current: boolean } {
  const [result, setResult] = useState<JobResult | null>(null);
  useEffect(() => {
    const runner = client.current;
    if (!runner || !image || !request) return;
    runner.setImage(image);
    runner.run(request, setResult);
  }, [client, image, request]);
  const matches = result !== null && image !== null && result.imageKey === image.key;
  return { result: matches ? result : null, current: matches && result.request === request };
}
