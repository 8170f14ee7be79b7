import { Suspense } from 'react';
import { BoardView } from '@/components/board/board-view';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Board' };

export default async function BoardPage() {
  const viewer = await (await serverApi()).me();
  const canMove = viewer.role === 'manager' || viewer.role === 'admin';
  return (
    <Suspense>
      <BoardView canMove={canMove} />
    </Suspense>
  );
}
